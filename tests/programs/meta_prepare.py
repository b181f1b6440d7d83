# A metaclass's `__prepare__`: a dict, a mapping that records the class body's writes,
# class keywords reaching `__prepare__`, `__new__`, `__init__` and `__init_subclass__`.


class Recorder:
    def __init__(self):
        self.data = {}
        self.log = []

    def __setitem__(self, key, value):
        self.log.append(key)
        if key in self.data and not key.startswith("__"):
            raise TypeError("%r already defined" % (key,))
        self.data[key] = value

    def __getitem__(self, key):
        return self.data[key]

    def __delitem__(self, key):
        self.log.append("del " + key)
        del self.data[key]


class RecordingMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, [b.__name__ for b in bases], kw)
        return Recorder()

    def __new__(mcls, name, bases, ns, **kw):
        print("log", ns.log)
        return super().__new__(mcls, name, bases, dict(ns.data))

    def __init__(cls, name, bases, ns, **kw):
        print("init", name, kw)
        super().__init__(name, bases, ns)


count = 10


class Recorded(metaclass=RecordingMeta, option="x"):
    """Doc."""
    a = 1
    b = a + count
    tmp = 5
    del tmp

    def method(self):
        return self.a + self.b


print(Recorded.a, Recorded.b, Recorded().method(), Recorded.__doc__, Recorded.__module__)
print(hasattr(Recorded, "tmp"), type(Recorded).__name__)

try:
    class Again(metaclass=RecordingMeta):
        x = 1
        x = 2
except TypeError as e:
    print("TypeError", e)


class Plain(type):
    pass


class Base(metaclass=Plain):
    def __init_subclass__(cls, /, tag=None, **kw):
        print("init_subclass", cls.__name__, tag, type(cls).__name__)
        cls.tag = tag
        super().__init_subclass__(**kw)


class Child(Base, tag="child"):
    pass


class Grandchild(Child):
    pass


print(Child.tag, Grandchild.tag, type(Grandchild).__name__, isinstance(Grandchild, Plain))


class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42


try:
    class Bad(metaclass=BadPrepare):
        pass
except TypeError as e:
    print("TypeError", e)


def function_metaclass(name, bases, ns, **kw):
    print("function metaclass", name, bases, sorted([k for k in ns if not k.startswith("__")]), kw)
    return 7


class NotAClass(metaclass=function_metaclass, extra=1):
    y = 2


print(NotAClass)


class Noisy(type):
    def __call__(cls, *args, **kw):
        print("call", cls.__name__, args, kw)
        if args and args[0] == "skip":
            return "skipped"
        return super().__call__(*args, **kw)


class Thing(metaclass=Noisy):
    def __init__(self, a=0, b=0):
        self.total = a + b


print(Thing(1, b=2).total, Thing("skip"))


class Registry(type):
    classes = []

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls

    def __init__(cls, name, bases, ns):
        cls.registered = True


class R1(metaclass=Registry):
    pass


class R2(R1):
    pass


R3 = Registry("R3", (R2,), {"z": 3})
print(Registry.classes, R3.z, R3.registered, type(R3).__name__, R3.__mro__)
print(R2.__class__, R1.__class__.__name__, type(Registry).__name__)
