# Each recursive frame releases its own local when it returns.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def rec(n):
    c = C("level " + str(n))
    if n > 0:
        rec(n - 1)
    print("returning from", n)


rec(2)


def rec_fail(n):
    c = C("failing level " + str(n))
    if n == 0:
        raise ValueError("bottom")
    rec_fail(n - 1)


try:
    rec_fail(2)
except ValueError:
    print("caught at top")
print("end")
