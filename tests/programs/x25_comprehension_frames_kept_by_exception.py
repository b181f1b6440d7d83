# An exception raised inside inlined comprehensions keeps each comprehension's frame (its
# `.0` iterator and its variables) alive until the exception is freed, innermost frame
# first, whether a handler in the same function catches it, a caller does, or it is
# re-raised; the temporaries of every frame are released while it propagates.


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def check(x):
    if x.n == "bad" or x.n == 13:
        raise ValueError("bad %s" % x.n)
    return x.n


def two_deep() -> None:
    try:
        [[check(k) for k in [C("k1"), C("bad"), C("k3")]] for j in [C("j1"), C("j2")]]
    except ValueError as e:
        print("caught", e)
    print("after two_deep")


def reraised() -> None:
    try:
        {j.n: {check(k) for k in [C("bad")]} for j in [C("rj")]}
    except ValueError:
        print("re-raising")
        raise


def caller() -> None:
    x = C("caller local")
    try:
        reraised()
    except ValueError as e:
        print("caller caught", e)
    print("caller end")


def three_deep() -> None:
    try:
        [[[check(m) for m in [C(13)]] for k in [C("k"), C("k2")] if k] for j in [C("j")]]
    except ValueError as e:
        print("caught", e)
    print("after three_deep")


def no_handler() -> list:
    y = C("y")
    return [[check(k) for k in [C("bad")]] for j in [C("nj")]]


def exception_saved(rounds: int) -> None:
    for r in range(rounds):
        try:
            [[check(k) for k in [C("bad")]] for j in [C("saved%d" % r)]]
        except ValueError as e:
            saved = e
        print("saved", saved, r)
    del saved
    print("after del saved")


two_deep()
caller()
three_deep()
try:
    no_handler()
except ValueError as e:
    print("module caught", e)
exception_saved(2)
try:
    [[check(k) for k in [C("bad")]] for j in [C("module")]]
except ValueError:
    print("module-level caught")
print("end")
