def make(n):
    class C:
        k = n
        def get(self):
            return self.k + n
        def __repr__(self):
            return f"C({self.k})"
    return C

C3 = make(3)
C4 = make(4)
print(C3().get(), C4().get(), C3.__qualname__, C3.__name__, C3 is C4)
print(C3, repr(C3()), C3.get.__qualname__)

class Outer:
    class Inner:
        def f(self):
            return 1
        class Deep:
            pass
    def g(self):
        return self.Inner().f()

print(Outer.Inner().f(), Outer.Inner.__qualname__, Outer.Inner.Deep.__qualname__, Outer().g())
print(Outer.Inner.f.__qualname__, Outer.Inner)

def counter():
    count = 0
    class Counter:
        def inc(self):
            nonlocal count
            count += 1
            return count
    return Counter()

c = counter()
print(c.inc(), c.inc(), type(c).__qualname__)

def shadow():
    x = "function"
    class A:
        x = "class"
        y = x
        def m(self):
            return x
    return A

A = shadow()
print(A.y, A().m(), A.x)

def deref():
    v = 10
    class B:
        w = v + 1
        print("in body", v, __qualname__, __module__)
    return B.w
print(deref())

def with_super():
    class Base:
        def hello(self):
            return "base"
    class Derived(Base):
        def hello(self):
            return "derived+" + super().hello()
    return Derived()
print(with_super().hello())

def exc_class():
    class MyError(Exception):
        pass
    try:
        raise MyError("boom")
    except MyError as e:
        print(type(e).__qualname__, repr(e))
    return MyError

E = exc_class()
print(E, E.__module__)

def dataclassy():
    from dataclasses import dataclass
    @dataclass
    class P:
        x: int
        y: int = 2
    return P(1)
print(dataclassy())

def private():
    class K:
        __secret = 5
        def get(self):
            return self.__secret
    return K()
print(private().get(), hasattr(private(), "_K__secret"))

def loop_classes():
    out = []
    for i in range(3):
        class T:
            val = i
        out.append(T)
    return [t.val for t in out]
print(loop_classes())

def method_default():
    d = 5
    class M:
        def f(self, a=d):
            return a
        g = lambda self: d * 2
        h = [d for _ in range(2)]
    return M().f(), M().g(), M.h
print(method_default())

def raise_it():
    def inner():
        class Z:
            def boom(self):
                raise ValueError("z")
        Z().boom()
    inner()
raise_it()
