def t(f):
    try:
        r = f()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: BaseExceptionGroup())
t(lambda: BaseExceptionGroup("a"))
t(lambda: BaseExceptionGroup("a", [ValueError()], 3))
t(lambda: ExceptionGroup(1, [ValueError()]))
t(lambda: ExceptionGroup("x", 5))
t(lambda: ExceptionGroup("x", {ValueError()}))
t(lambda: ExceptionGroup("x", []))
t(lambda: ExceptionGroup("x", [1]))
t(lambda: ExceptionGroup("x", [ValueError(), 1]))
t(lambda: ExceptionGroup("x", [KeyboardInterrupt()]))
t(lambda: ExceptionGroup("x", [ValueError()], a=1))
t(lambda: ExceptionGroup(message="x", exceptions=[ValueError()]))
t(lambda: BaseExceptionGroup("x", [ValueError()]))
t(lambda: BaseExceptionGroup("x", [KeyboardInterrupt()]))
t(lambda: BaseExceptionGroup("x", (ValueError(),)).exceptions)
t(lambda: str(BaseExceptionGroup("x", (ValueError(),))))
t(lambda: str(BaseExceptionGroup("x", (ValueError(),TypeError()))))
t(lambda: BaseExceptionGroup("x", [ValueError()]).split(3))
t(lambda: BaseExceptionGroup("x", [ValueError()]).split((ValueError, 3)))
t(lambda: BaseExceptionGroup("x", [ValueError()]).split([ValueError]))
t(lambda: BaseExceptionGroup("x", [ValueError()]).split(int))
t(lambda: BaseExceptionGroup("x", [ValueError()]).split(ValueError))
t(lambda: BaseExceptionGroup("x", [ValueError()]).split())
t(lambda: BaseExceptionGroup("x", [ValueError()]).derive())
t(lambda: BaseExceptionGroup("x", [ValueError()]).derive([KeyboardInterrupt()]))
eg = ExceptionGroup("x", [ValueError(1), TypeError(2)])
eg.__cause__ = KeyError(3)
eg.add_note("hi")
m, r = eg.split(ValueError)
print(repr(m), repr(r), m.__cause__, m.__suppress_context__, m.__notes__, m.__notes__ is eg.__notes__, eg.__suppress_context__)
eg = ExceptionGroup("x", [ValueError(1), TypeError(2)])
m, r = eg.split(ValueError)
print(m.__suppress_context__, m.__cause__, m.__context__)
try:
    eg.message = 3
except Exception as e:
    print(type(e).__name__, e)
try:
    eg.exceptions = 3
except Exception as e:
    print(type(e).__name__, e)
try:
    del eg.message
except Exception as e:
    print(type(e).__name__, e)
print(eg.args, eg.args[1] is eg.exceptions)
class E(ExceptionGroup): pass
t(lambda: E("x", [KeyboardInterrupt()]))
class BE(BaseExceptionGroup): pass
t(lambda: BE("x", [ValueError()]))
t(lambda: E("x", [ValueError()]).split(ValueError))
t(lambda: E("x", [ValueError(), TypeError()]).split(ValueError))
class F(ExceptionGroup):
    def __init__(self, m, e, code): super().__init__(m, e); self.code = code
t(lambda: F("x", [ValueError()], 3))
class G(ExceptionGroup):
    def __new__(cls, m, e, code):
        o = super().__new__(cls, m, e); o.code = code; return o
    def derive(self, e): return G(self.message, e, self.code)
g = G("x", [ValueError(), TypeError()], 5)
print(repr(g), g.code, g.args)
a, b = g.split(TypeError)
print(repr(a), a.code, repr(b), b.code)
t(lambda: ExceptionGroup.__new__(ExceptionGroup, "a", [ValueError()]))
t(lambda: BaseExceptionGroup.__new__(ExceptionGroup, "a", [KeyboardInterrupt()]))
t(lambda: ExceptionGroup.__new__(int, "a", [ValueError()]))
t(lambda: ExceptionGroup.__mro__)
t(lambda: BaseExceptionGroup.__mro__)
