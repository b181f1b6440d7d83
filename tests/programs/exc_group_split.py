class MyEG(ExceptionGroup):
    def __new__(cls, message, excs, code=0):
        obj = super().__new__(cls, message, excs)
        obj.code = code
        return obj

    def __init__(self, message, excs, code=0):
        super().__init__(message, excs)
        self.code = code

    def derive(self, excs):
        return MyEG(self.message, excs, self.code + 1)


eg = MyEG("mine", [ValueError(1), TypeError(2), MyEG("sub", [KeyError(3), ValueError(4)], 7)], 3)
print(repr(eg), eg.code, eg.args)
m, r = eg.split(ValueError)
print(repr(m), m.code, type(m).__name__)
print(repr(r), r.code)
print(repr(eg.subgroup(lambda e: isinstance(e, (KeyError, TypeError)))))
print(eg.subgroup(lambda e: True) is eg)
print(eg.subgroup(lambda e: False))
print(eg.split(lambda e: False)[1] is eg)
print(eg.split(BaseException)[0] is eg)
print(repr(eg.split((KeyError, TypeError))))
print(isinstance(eg, ExceptionGroup), isinstance(eg, Exception), issubclass(MyEG, BaseExceptionGroup))
print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__)
print(ExceptionGroup.__bases__, BaseExceptionGroup.__bases__, ExceptionGroup.__base__)

class Bad(ExceptionGroup):
    def derive(self, excs):
        return 42

try:
    Bad("b", [ValueError(), TypeError()]).split(ValueError)
except TypeError as e:
    print("TypeError", e)

class Boom(ExceptionGroup):
    def derive(self, excs):
        raise RuntimeError("no derive")

try:
    Boom("b", [ValueError(), TypeError()]).subgroup(ValueError)
except RuntimeError as e:
    print("RuntimeError", e)

def pred(e):
    print("  pred", repr(e))
    return isinstance(e, ValueError)

nested = ExceptionGroup("top", [ValueError("a"), ExceptionGroup("mid", [TypeError("b"), ValueError("c")])])
print(repr(nested.split(pred)))

eg = ExceptionGroup("x", [ValueError(1), TypeError(2)])
eg.__cause__ = KeyError("cause")
eg.__context__ = IndexError("ctx")
eg.add_note("note 1")
m, r = eg.split(ValueError)
print(repr(m.__cause__), repr(m.__context__), m.__suppress_context__, m.__notes__, r.__notes__)
m.__notes__.append("only m")
print(eg.__notes__, m.__notes__, r.__notes__)
eg2 = ExceptionGroup("y", [ValueError(1), TypeError(2)])
m2, r2 = eg2.split(TypeError)
print(m2.__suppress_context__, eg2.__suppress_context__, hasattr(m2, "__notes__"))
be = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
m, r = be.split(Exception)
print(repr(m), type(m).__name__, repr(r), type(r).__name__)
print(str(be), str(m))
print(repr(be.derive([ValueError(9)])), type(be.derive([ValueError(9)])).__name__)
print(repr(ExceptionGroup("t", (ValueError(),))))
try:
    raise ExceptionGroup("raised", [ValueError()])
except ExceptionGroup as e:
    print("caught plainly", e, e.exceptions)
try:
    raise BaseExceptionGroup("raised", [SystemExit(3)])
except BaseExceptionGroup as e:
    print("caught base", e, repr(e.exceptions[0]))
