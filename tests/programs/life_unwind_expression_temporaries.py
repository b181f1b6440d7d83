# Temporaries of an expression that raises are released while the exception propagates,
# innermost (latest) first, before the handler runs: in the caller's handler and in a
# handler of the same function.
class C:
    def __init__(self, n: int) -> None:
        self.n = n

    def __del__(self) -> None:
        print("del", self.n)

    def __add__(self, other: "C") -> "C":
        return C(self.n + 100)

    def m(self, *args):
        return args

    def __getitem__(self, key):
        return key


def make(n: int) -> C:
    return C(n)


def fails(*args):
    raise ValueError("boom")


def call_args(): x = fails(make(1), fails())
def list_display(): x = [make(2), fails()]
def dict_display(): x = {make(3): make(4), 1: fails()}
def binary(): x = make(5) + fails()
def method(): x = make(6).m(make(7), fails())
def subscript(): x = make(8)[fails()]
def fstring(): x = f"{make(9)!r:.0}{fails()}"
def keywords(): x = print(make(10), sep=fails())
def starred(): x = print(*[make(11)], *fails())
def walrus(): x = [(y := make(12)), fails()]
def attribute(): make(13).x = fails()
def returned(): return make(14), fails()
def lambda_args(): return (lambda a, b: a)(make(15), fails())
def comprehension(): return [(make(16), fails()) for i in range(1)]
def generator(): return list((make(17), fails()) for i in range(1))


def augmented() -> None:
    y = [make(18)]
    y[0] += fails()


def in_loop() -> None:
    for i in [make(19), make(20)]:
        z = (make(21), fails())


def local(n: int) -> None:
    try:
        if n == 0:
            x = fails(make(30), fails())
        else:
            y = make(31).m(make(32), fails())
    except ValueError:
        print("caught in local", n)
    print("after local", n)


tests = [call_args, list_display, dict_display, binary, method, subscript, fstring,
         keywords, starred, walrus, attribute, returned, lambda_args, comprehension,
         generator, augmented, in_loop, lambda: local(0), lambda: local(1)]
for f in tests:
    try:
        f()
    except ValueError:
        print("caught", f.__name__)
