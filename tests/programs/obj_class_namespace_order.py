# The class namespace in CPython's order, with what type() adds.
class Plain:
    x = 1

    def m(self):
        pass


class Doc:
    "documented"
    y = 2


class WithEq:
    def __eq__(self, other):
        return True


class Slotted:
    __slots__ = ("a", "b")


class SlottedDict:
    __slots__ = ("a", "__dict__")


class Err(Exception):
    pass


class SubErr(Err):
    code = 1


class Sub(Plain):
    z = 3


for cls in (Plain, Doc, WithEq, Slotted, SlottedDict, Err, SubErr, Sub):
    print(cls.__name__, list(vars(cls)))
print(Plain.__doc__, Doc.__doc__, Sub.__doc__, Doc().__doc__)
print(repr(Plain.__dict__["__dict__"]), repr(Plain.__dict__["__weakref__"]))
print(type(Plain.__dict__["__dict__"]).__name__, WithEq.__hash__)
