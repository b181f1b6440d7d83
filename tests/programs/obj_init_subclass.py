# __init_subclass__ runs for each subclass with the new class bound as cls.
registry = []


class Plugin:
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        registry.append(cls.__name__)
        cls.registered = True


class Alpha(Plugin):
    pass


class Beta(Plugin):
    def run(self):
        return "beta runs"


class Gamma(Beta):
    pass


print(registry)
print(Alpha.registered, Gamma.registered, hasattr(Plugin, "registered"))
print(Gamma().run())
print(type(Plugin.__dict__["__init_subclass__"]).__name__)


class Generic:
    def __class_getitem__(cls, item):
        return cls.__name__ + "[" + item.__name__ + "]"


class Special(Generic):
    pass


print(Generic[int], Special[str])
