class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", mcls.__name__, name, bases, sorted([k for k in ns if not k.startswith("__")]), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get("tag", "none")
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kw):
        print("Meta.__call__", cls.__name__, args, kw)
        return super().__call__(*args, **kw)

    def __iter__(cls):
        return iter([1, 2, 3])

    def __len__(cls):
        return 3

    def __getitem__(cls, k):
        return k * 2

    def __contains__(cls, x):
        return x == 42

    def __repr__(cls):
        return "<Meta class " + cls.__name__ + ">"

    def __getattr__(cls, name):
        return "missing:" + name

    def hello(cls):
        return "hello from " + cls.__name__


class A(metaclass=Meta, tag="a"):
    x = 1

    def __init__(self, v):
        self.v = v


class B(A):
    y = 2


print(type(A).__name__, type(B).__name__)
print(A.tag, B.tag)
a = A(5)
print(a.v, type(a).__name__)
print(list(A), len(A), A[21], 42 in A, 1 in A)
print(repr(A), str(B), A)
print(A.nothing)
print(A.hello())
print(isinstance(A, Meta), isinstance(A, type), isinstance(a, A))
print(B.__class__.__name__)


class Base:
    def __init_subclass__(cls, /, flavor=None, **kw):
        print("init_subclass", cls.__name__, flavor, kw)
        super().__init_subclass__(**kw)


class Sub(Base, flavor="vanilla"):
    pass


class Desc:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)


class Base2:
    def __init_subclass__(cls):
        print("init_subclass2", cls.__name__)


class Sub2(Base2):
    d1 = Desc()
    d2 = Desc()


X = type("X", (Base2,), {"a": 1, "d": Desc()})
print(X.a, X.__name__, type(X).__name__)


class Prep(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, bases, kw)
        return {"injected": 99}


class P(metaclass=Prep):
    z = injected + 1

print(P.z, P.injected)

try:
    class K(foo=1):
        pass
except TypeError as e:
    print("TypeError:", e)


class M1(type):
    pass


class M2(type):
    pass


class C1(metaclass=M1):
    pass


try:
    class C3(C1, metaclass=M2):
        pass
except TypeError as e:
    print("TypeError:", e)
