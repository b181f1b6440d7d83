eg = ExceptionGroup("x", [ValueError(1), TypeError(2)])
print(ExceptionGroup.__module__, ExceptionGroup.__qualname__, ExceptionGroup.__name__)
print(vars(eg))
print(eg == eg, eg != ExceptionGroup("x", [ValueError(1)]))
print(repr(BaseExceptionGroup("b", [ValueError()])), BaseExceptionGroup.__base__)
class Sub(BaseExceptionGroup):
    def __str__(self):
        return "custom str"
s = Sub("s", [KeyboardInterrupt()])
print(str(s), repr(s), isinstance(s, Exception))
print(repr(s.split(KeyboardInterrupt)))
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
try:
    class Both(ExceptionGroup, KeyError):
        pass
    print("Both ok", Both.__mro__)
    b = Both("b", [ValueError()])
    print(repr(b))
except TypeError as e:
    print("TypeError", e)
try:
    class Clash(ExceptionGroup, OSError):
        pass
except TypeError as e:
    print("TypeError", e)
