try:
    from sys import nope
except ImportError as e:
    print(repr(e), e.name, e.path, e.args, e.msg)  # sys is built in: (unknown location)
try:
    from math import sqrt, nope2
except ImportError as e:
    print(type(e).__name__, e.name)
from math import sqrt as s
print(s(4.0))
e = ImportError("x", name="m", path="p")
print(e.name, e.path, e.args, repr(e), str(e), e.msg)
e = ImportError()
print(e.name, e.path, e.msg, repr(str(e)))
try:
    ImportError("x", foo=1)
except TypeError as t:
    print(t)
try:
    ValueError("x", foo=1)
except TypeError as t:
    print(t)
class E(ImportError):
    pass
e = E("a", name="n")
print(e.name, e.path, e.msg)
e.name = "q"
e.msg = "zz"
print(e.name, str(e), e.args)
e = ImportError(1)
print(repr(str(e)), e.msg)
class F(Exception):
    def __init__(self, a, b=1):
        super().__init__(a)
print(repr(F("x", b=2)))
try:
    Exception.__init__(F("x"), c=1)
except TypeError as t:
    print(t)
e = ModuleNotFoundError("m", name="q")
print(e.name)
from time import nope3
