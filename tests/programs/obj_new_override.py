# __new__ overrides: called with the class and arguments, before __init__.
class Tracked:
    instances = 0

    def __new__(cls, *args, **kwargs):
        print("new", cls.__name__, args, kwargs)
        Tracked.instances += 1
        return super().__new__(cls)

    def __init__(self, value, label="x"):
        print("init", value, label)
        self.value = value


class Child(Tracked):
    pass


a = Tracked(1)
b = Child(2, label="y")
print(a.value, b.value, Tracked.instances, type(b).__name__)


class Singleton:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = object.__new__(cls)
        return cls._instance

    def __init__(self):
        print("init runs every time")


s1 = Singleton()
s2 = Singleton()
print(s1 is s2)
raw = object.__new__(Tracked)
print(type(raw).__name__, hasattr(raw, "value"))
print(type(Tracked.__dict__["__new__"]).__name__)
