class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"not found: {key}")
        self.key = key


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise NotFound(k)


try:
    lookup({}, "x")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, isinstance(e.__context__, KeyError))
for exc in [ValueError("v"), TypeError(), KeyError("k"), IndexError(1, 2), StopIteration(5), ArithmeticError()]:
    print(type(exc).__name__, repr(exc), str(exc), exc.args)
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), issubclass(UnboundLocalError, NameError))
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError), issubclass(StopIteration, Exception))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException), issubclass(GeneratorExit, Exception))
try:
    try:
        {}["a"]
    except (TypeError, KeyError) as e:
        print("tuple catch", repr(e))
        raise
except LookupError as e:
    print("outer", repr(e))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("empty assert", repr(e))


def gen_exc():
    for i in range(3):
        try:
            if i == 1:
                raise RuntimeError(i)
            yield i
        except RuntimeError as e:
            yield -int(str(e))


print(list(gen_exc()))
e1 = ValueError("a", 1)
print(str(e1), repr(e1))
print(str(KeyError("a")), str(KeyError()), str(KeyError(1, 2)))
try:
    raise TypeError("bad") from ValueError("why")
except TypeError as e:
    print(repr(e.__cause__), e.__suppress_context__)
