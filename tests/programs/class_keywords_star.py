class M(type):
    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns)
        cls.kw = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
opts = {"color": "red", "size": 3}
class A(metaclass=M, **opts):
    pass
print(A.kw, type(A).__name__)
kw2 = {"metaclass": M, "n": 1}
class B(**kw2):
    pass
print(B.kw, type(B) is M)
bases = (dict,)
class D(*bases):
    pass
print(D.__bases__, D(a=1))
class E(*(), **{}):
    pass
print(E.__bases__)
try:
    class C1(metaclass=M, **{'metaclass': M}): pass
except TypeError as e:
    print(e)
try:
    class C2(**3): pass
except TypeError as e:
    print(e)
try:
    class C3(**{1: 2}): pass
except TypeError as e:
    print(e)
def f():
    class Local(metaclass=M, **opts):
        pass
    return Local.kw, Local.__qualname__
print(f())
