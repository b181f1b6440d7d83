# A frame that an exception leaves keeps its function alive (CPython's traceback holds the
# frame, the frame its function): the function's closure cells and defaults live until the
# exception is freed, after the frame's locals.
class C:
    def __init__(self, n: int) -> None:
        self.n = n

    def __del__(self) -> None:
        print("del", self.n)


def make(c: C):
    def inner():
        local = C(c.n * 10)
        print("inner sees", c.n)
        raise ValueError("x")
    return inner


def fails_with_default(x=None):
    raise KeyError("k")


def main() -> None:
    try:
        make(C(1))()
    except ValueError:
        print("caught 1")
    print("after 1")
    try:
        (lambda c=C(2): 1 / 0)()
    except ZeroDivisionError:
        print("caught 2")
    print("after 2")
    f = make(C(3))
    try:
        f()
    except ValueError:
        print("caught 3 (f still bound)")
    f = None
    print("after 3")
    try:
        make(C(4))()
    finally:
        print("finally 4")


try:
    main()
except ValueError:
    print("caught main")
print("end")
