# CPython looks a method up before it evaluates the call's arguments (LOAD_METHOD): a
# missing method raises before the arguments run, a property or __getattr__ runs first, and
# the method found is called even when the arguments rebind it.
class A:
    def f(self, x): return x
    @property
    def p(self):
        print("prop")
        return lambda v: v * 2
    def __getattr__(self, n):
        print("getattr", n)
        if n == "dyn":
            return lambda v: v + 1
        raise AttributeError(n)
def arg(v):
    if isinstance(v, C):
        print("arg C")
        return v
    print("arg", v)
    return v
a = A()
print(a.f(arg(1)))
print(a.p(arg(2)))
print(a.dyn(arg(3)))
try:
    a.missing(arg(4))
except AttributeError as e:
    print("AE", e)
class B:
    def m(self, x): return ("old", x)
def rebind():
    B.m = lambda self, x: ("new", x)
    return 5
b = B()
print(b.m(rebind()))
print(b.m(1))
class C:
    def g(self): return "g"
c = C()
def shadow():
    c.g = lambda: "inst"
    return 0
print(c.g(*[]) , c.g())
lst = []
lst.append(arg(7)); print(lst)
print("a,b".split(arg(",")))
print(C.g(arg(c) and c))
s = "x"
try:
    s.nosuch(arg(9))
except AttributeError as e:
    print("AE", e)
import math
print(math.floor(arg(2.5)))
try:
    math.nosuch(arg(1))
except AttributeError as e:
    print("AE", e)
d = {}
d.setdefault(arg("k"), []).append(arg(1)); print(d)
class K:
    @classmethod
    def cm(cls, x): return (cls.__name__, x)
    @staticmethod
    def sm(x): return x
k = K()
print(k.cm(arg(1)), k.sm(arg(2)), K.cm(arg(3)), K.sm(arg(4)))
k.inst = len
print(k.inst(arg([1,2])))
k.fn = lambda x: x
print(k.fn(arg(5)))
print(A().f(x=arg(6)))
print([1,2].count(arg(1)), (5).bit_length(), "ab".upper(*[]))
