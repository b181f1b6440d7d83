# CPython 3.11's run-time DeprecationWarnings, shown once per message and line: int()
# delegating to __trunc__, and __index__ / __int__ returning a bool (a strict subclass).


class T:
    def __trunc__(self):
        print("trunc called")
        return 3


class I:
    def __index__(self):
        return True


class N:
    def __int__(self):
        return True


for i in range(3):
    print(int(T()))
print(int(T()))
print(int(T())); print(int(T()))
print(int(I()), int(N()))
print(hex(I()), [1, 2][I()], range(I()))
print(float(I()), [1, 2, 3][I():], "%d" % N())


def f() -> int:
    return int(T())


f()
f()


def g():
    yield int(T())
    yield [x for x in [int(N())]]


print(list(g()))
print([int(t) for t in sorted([T(), T()], key=int)])


class K:
    v = int(T())


print(K.v)
print(bin(I()),
      oct(I()))
print("end")
