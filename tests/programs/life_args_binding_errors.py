# A call whose arguments do not fit the parameters raises TypeError; the arguments the
# caller passed as temporaries are released as the frame that failed to start is cleared.


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def two(a, b):
    print("never")


def kwonly(a, *, k):
    print("never")


def posonly(a, /, b):
    print("never")


calls = [two, kwonly, posonly]
f = calls[0]
try:
    f(C("a"), C("b"), C("extra"))
except TypeError as e:
    print("E1", e)
try:
    f(C("only"))
except TypeError as e:
    print("E2", e)
try:
    f(C("p"), C("q"), b=C("dup"))
except TypeError as e:
    print("E3", e)
try:
    f(C("p2"), zz=C("unknown"), b=C("late"))
except TypeError as e:
    print("E4", e)
g = calls[1]
try:
    g(C("k1"))
except TypeError as e:
    print("E5", e)
try:
    g(C("k2"), C("k3"), k=C("k4"))
except TypeError as e:
    print("E6", e)
h = calls[2]
try:
    h(C("h1"), a=C("h2"), b=C("h3"))
except TypeError as e:
    print("E7", e)
try:
    h(a=C("h4"), zz=C("h5"))
except TypeError as e:
    print("E8", e)
print("end")
