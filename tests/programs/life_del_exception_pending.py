# __del__ runs while an exception propagates without disturbing it.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        try:
            raise RuntimeError("inside __del__")
        except RuntimeError:
            pass
        print("del", self.name)


def f():
    c = C("local")
    raise ValueError("outer error")


try:
    f()
except ValueError as e:
    print("caught:", e)
print("end")
