x = 0
class G:
    global x
    x = 5
    y = x
    def m(self):
        return x
print(x, G.y, hasattr(G, 'x'), G().m())

class G2:
    global x
    del x
try:
    print(x)
except NameError as e:
    print('NE', e, hasattr(G2, 'x'))

def nl():
    v = 1
    class N:
        nonlocal v
        v = 2
        w = v
    return v, N.w, hasattr(N, 'v')
print(nl())

class Point:
    def __init__(self, a):
        self.a = a
        self.b = a * 2

def shadow_point():
    class Point:
        def __init__(self, q):
            self.q = q
    p = Point(3)
    return p.q, hasattr(p, "a"), vars(p)
print(shadow_point(), Point(1).b)

class Base:
    def who(self):
        return "Base"

class Host(Base):
    def who(self):
        class Local(Base):
            def who(self):
                return "Local>" + super().who()
        return super().who() + "|" + Local().who()
print(Host().who())

def gen():
    class Item:
        def __init__(self, i):
            self.i = i
    for i in range(3):
        yield Item(i)
print([it.i for it in gen()], type(next(gen())).__qualname__)

def meta():
    class Meta(type):
        def __new__(mcs, name, bases, ns, **kw):
            ns["tag"] = name.lower()
            return super().__new__(mcs, name, bases, ns)
    class Tagged(metaclass=Meta):
        pass
    class Sub(Tagged):
        def __init_subclass__(cls, **kw):
            super().__init_subclass__(**kw)
    class SubSub(Sub):
        pass
    return Tagged.tag, Sub.tag, SubSub.tag, type(Tagged).__qualname__
print(meta())

def init_subclass():
    seen = []
    class Registry:
        def __init_subclass__(cls, key=None, **kw):
            super().__init_subclass__(**kw)
            seen.append((cls.__qualname__, key))
    class A(Registry, key="a"):
        pass
    class B(Registry):
        pass
    return seen
print(init_subclass())

def set_name():
    class D:
        def __set_name__(self, owner, name):
            self.name = owner.__qualname__ + "." + name
    class O:
        attr = D()
    return O.attr.name
print(set_name())

def type_call():
    T = type("T", (), {"__qualname__": "pretty.T", "v": 1})
    return T.__qualname__, repr(T), T.__name__
print(type_call())
try:
    type("T", (), {"__qualname__": 5})
except TypeError as e:
    print("TypeError", e)

def deco():
    def add_hello(cls):
        cls.hello = lambda self: "hi " + cls.__name__
        return cls
    @add_hello
    class W:
        pass
    return W().hello()
print(deco())

def recursive_name():
    class R:
        def clone(self):
            return R()
    return type(R().clone()).__qualname__
print(recursive_name())

def body_uses_own_name():
    class S:
        try:
            me = S
        except NameError as e:
            err = str(e)
    return S.err
print(body_uses_own_name())

def unbound_free():
    class U:
        try:
            y = later
        except NameError as e:
            msg = str(e)
    later = 1
    def keep():
        return later
    return U.msg
print(unbound_free())

def slots_cls():
    class S:
        __slots__ = ("a", "b")
        def __init__(self):
            self.a = 1
    s = S()
    try:
        s.c = 3
    except AttributeError as e:
        print("AE", e)
    return s.a
print(slots_cls())

def enum_local():
    import enum
    class Color(enum.Enum):
        RED = 1
        GREEN = 2
    return Color.RED, list(Color), repr(Color.GREEN)
print(enum_local())

def many(n):
    class K:
        def __init__(self, v):
            self.v = v
    return K(n).v
print(sum(many(i) for i in range(20000)))
class Str:
    class Nested(str):
        def shout(self):
            return self.upper() + "!"
print(Str.Nested("hi").shout(), Str.Nested.__qualname__)
def lambda_in_class_body():
    k = 7
    class L:
        f = lambda self: k
        g = [k + i for i in range(3)]
        h = list(k * j for j in range(2))
    return L().f(), L.g, L.h, L.f.__qualname__
print(lambda_in_class_body())
