# An except clause naming a class that does not derive from BaseException raises TypeError
# while the handled exception is matched; the traceback points at the clause, underlining
# nothing when it spans several lines (CPython's CHECK_EXC_MATCH location).
class NotAnError:
    pass


def check(kind: int) -> str:
    try:
        if kind:
            raise KeyError(kind)
        return "no exception: the clause is not evaluated"
    except KeyError:
        return "caught"


print(check(0), check(1))


def one_line() -> None:
    try:
        raise ValueError("first")
    except NotAnError: print("never")


try:
    one_line()
except TypeError as e:
    print("TypeError", e, type(e.__context__).__name__)


def multi_line() -> None:
    try:
        raise ValueError("second")
    except (NotAnError,
            ValueError) as e:
        print("never", e)


multi_line()
