class D(dict):
    pass
print(type(D.fromkeys([1])), D.fromkeys([1, 2], 0))
print(type(D().fromkeys("ab")))
class I(int):
    pass
print(type(I.from_bytes(b"\x01", "big")))
class F(float):
    pass
print(type(F.fromhex("0x1p1")))
class B(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
print(B.fromkeys("ab", 1))
from collections import OrderedDict
print(type(OrderedDict.fromkeys("xy")), OrderedDict.fromkeys("xy", 0))
class L(list):
    pass
print(L[int], list[int], D[str, int])
class Base:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
try:
    class C(Base, x=1): pass
except TypeError as e:
    print(e)
try:
    class C2(x=1): pass
except TypeError as e:
    print(e)
try:
    object.__init_subclass__(x=1)
except TypeError as e:
    print(e)
try:
    Base.__init_subclass__.__func__(Base, 1) if False else dict.__init_subclass__(1)
except TypeError as e:
    print(e)
print(I.from_bytes(b"\x02", "little") + 1, F.fromhex("0x1p3") / 2)
