# molt's `abc`, written for molt. molt has no metaclasses, so `ABC` computes a class's
# `__abstractmethods__` when the class is created (`__init_subclass__`) and refuses to
# instantiate a class that has some (`__new__`), with CPython's messages. `ABCMeta` is
# not provided (`class C(metaclass=ABCMeta)` cannot be compiled); `_AbstractClass` stands
# in for it as the type of `collections.abc`'s classes.


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    if isinstance(value, (staticmethod, classmethod)):
        return _is_abstract(value.__func__)
    if isinstance(value, property):
        for accessor in (value.fget, value.fset, value.fdel):
            if accessor is not None and _is_abstract(accessor):
                return True
        return False
    return bool(getattr(value, "__isabstractmethod__", False))


def _compute_abstracts(cls):
    # CPython's rule: the abstract names defined in the class itself, and those of its
    # bases that the class still resolves to an abstract value.
    abstracts = set()
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in base.__dict__.get("__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)


def _check_instantiable(cls, args, kwargs):
    # What CPython's `object.__new__` checks, in its order.
    if (args or kwargs) and cls.__init__ is object.__init__:
        raise TypeError("%s() takes no arguments" % cls.__name__)
    abstracts = cls.__dict__.get("__abstractmethods__")
    if abstracts:
        names = sorted(abstracts)
        raise TypeError(
            "Can't instantiate abstract class %s with abstract method%s %s"
            % (cls.__name__, "s" if len(names) > 1 else "", ", ".join(names))
        )


def update_abstractmethods(cls):
    if "__abstractmethods__" not in cls.__dict__:
        return cls
    _compute_abstracts(cls)
    return cls


class ABC:
    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        _compute_abstracts(cls)
        super().__init_subclass__(**kwargs)

    def __new__(cls, *args, **kwargs):
        _check_instantiable(cls, args, kwargs)
        return object.__new__(cls)


ABC.__abstractmethods__ = frozenset()


class _AbstractClass:
    # The type of `collections.abc`'s classes: a stand-in for an abstract class `cls` that
    # answers `isinstance` and `issubclass` as CPython's ABCMeta does (own subclasses,
    # registered classes, the subclass hook, and the same for every abstract subclass),
    # and is replaced by `cls` when used as a base (`__mro_entries__`).

    def __init__(self, cls, hook_methods=None, parents=()):
        self._cls = cls
        self._hook_methods = hook_methods
        self._registry = []
        self._children = []
        # Classes the subclass hook must not accept (builtin types whose hash is off
        # without a `__hash__ = None` entry molt can show).
        self._hook_exclude = ()
        for parent in parents:
            parent._children.append(self)

    def __mro_entries__(self, bases):
        return (self._cls,)

    def __getattr__(self, name):
        return getattr(self._cls, name)

    def __call__(self, *args, **kwargs):
        return self._cls(*args, **kwargs)

    def __repr__(self):
        return repr(self._cls)

    def __getitem__(self, params):
        getitem = getattr(self._cls, "__class_getitem__", None)
        if getitem is None:
            raise TypeError("type '%s' is not subscriptable" % self._cls.__name__)
        return getitem(params)

    def register(self, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        self._registry.append(subclass)
        return subclass

    def __instancecheck__(self, instance):
        return self.__subclasscheck__(type(instance))

    def __subclasscheck__(self, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if issubclass(subclass, self._cls):
            return True
        if self._hook_methods is not None and not any(
            issubclass(subclass, excluded) for excluded in self._hook_exclude
        ):
            hooked = _check_methods(subclass, self._hook_methods)
            if hooked is not NotImplemented:
                return hooked
        for registered in self._registry:
            if issubclass(subclass, registered):
                return True
        for child in self._children:
            if child.__subclasscheck__(subclass):
                return True
        return False


def _check_methods(cls, methods):
    mro = cls.__mro__
    for method in methods:
        for base in mro:
            if method in base.__dict__:
                if base.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True

