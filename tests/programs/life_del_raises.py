# An exception escaping __del__ is reported on stderr and ignored; the program goes on.
class Bad:
    def __del__(self):
        print("Bad.__del__ runs")
        raise ValueError("from __del__")


def f():
    b = Bad()
    print("in f")


f()
print("after f")
b = Bad()
b = None
print("still running")


class Saver:
    def __del__(self):
        print("Saver.__del__")


try:
    s = Saver()
    s = None
    raise KeyError("pending")
except KeyError as e:
    print("caught", e)
print("end")
