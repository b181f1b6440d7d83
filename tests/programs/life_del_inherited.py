# __del__ inherited from a base class, and super().__del__ chains.
class Base:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("Base.__del__", self.name)


class Child(Base):
    pass


class Chained(Base):
    def __del__(self):
        print("Chained.__del__", self.name)
        super().__del__()


def f():
    a = Child("child")
    b = Chained("chained")
    print("in f")


f()
x = Base("base")
x = None
print("end")
