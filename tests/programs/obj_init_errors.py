# __init__ returning non-None, and the "takes no arguments" rules of object.
class Bad:
    def __init__(self):
        return 1


try:
    Bad()
except TypeError as e:
    print("TypeError:", e)


class Empty:
    pass


try:
    Empty(1)
except TypeError as e:
    print("TypeError:", e)


class OnlyNew:
    def __new__(cls, x):
        return super().__new__(cls)


o = OnlyNew(5)
print(type(o).__name__)


class OnlyInit:
    def __init__(self, x):
        self.x = x


try:
    object.__new__(OnlyInit, 1)
    print("created")
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(Empty, 1)
except TypeError as e:
    print("TypeError:", e)
g = Empty
g(2)
