# An exception in __set_name__ becomes a RuntimeError naming the attribute and class.
class Bad:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        raise ValueError("no " + name)


try:
    class Holder:
        good = 1
        broken = Bad()
except RuntimeError as e:
    print("RuntimeError:", e)
    print(type(e.__cause__).__name__, e.__cause__)


class Worse:
    def __set_name__(self, owner, name):
        raise KeyError(name)


print("before")


class Final:
    w = Worse()
