# molt's `typing`: the names annotations use, written for molt (not CPython's code). The
# objects print, compare and answer isinstance() as CPython 3.11's do; molt does not check
# types with them (annotations of builtin types guide its optimizer on their own).

import _molt

TYPE_CHECKING = False

_NoneType = type(None)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return "%s.%s" % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return "..."
    if type(obj).__name__ == "function":
        return obj.__name__
    return repr(obj)


def _convert(arg):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class ForwardRef:
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return "ForwardRef(%r)" % (self.__forward_arg__,)


class _Final:
    # The shared behaviour of typing's objects: they are not classes.
    def __instancecheck__(self, obj):
        raise TypeError("%r cannot be used with isinstance()" % (self,))

    def __subclasscheck__(self, cls):
        raise TypeError("%r cannot be used with issubclass()" % (self,))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialForm(_Final):
    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return "typing." + self._name

    def __call__(self, *args, **kwds):
        raise TypeError("Cannot instantiate %r" % (self,))

    def __getitem__(self, parameters):
        name = self._name
        if not isinstance(parameters, tuple):
            parameters = (parameters,)
        if name == "Union":
            if parameters == ():
                raise TypeError("Cannot take a Union of no types.")
            return _union(parameters)
        if name == "Optional":
            if len(parameters) != 1:
                raise TypeError("typing.Optional requires a single type.")
            return _union((parameters[0], None))
        if name in ("ClassVar", "Final"):
            if len(parameters) != 1:
                raise TypeError("typing.%s accepts only single type." % name)
            return _GenericAlias(self, (_convert(parameters[0]),), name)
        if name == "Literal":
            return _GenericAlias(self, parameters, name)
        raise TypeError("%r is not subscriptable" % (self,))


class _AnyClass(_Final):
    def __repr__(self):
        return "typing.Any"

    def __instancecheck__(self, obj):
        raise TypeError("typing.Any cannot be used with isinstance()")


Any = _AnyClass()
Union = _SpecialForm("Union")
Optional = _SpecialForm("Optional")
ClassVar = _SpecialForm("ClassVar")
Final = _SpecialForm("Final")
Literal = _SpecialForm("Literal")
NoReturn = _SpecialForm("NoReturn")


def _union(parameters):
    flat = []
    for p in parameters:
        p = _convert(p)
        if isinstance(p, _GenericAlias) and p._name == "Union":
            members = p.__args__
        else:
            members = (p,)
        for m in members:
            if m not in flat:
                flat.append(m)
    if len(flat) == 1:
        return flat[0]
    return _GenericAlias(Union, tuple(flat), "Union")


class _GenericAlias(_Final):
    # `List[int]`, `Union[int, str]`, `Stack[int]`: an origin with arguments.
    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        if self._name == "Union" and other._name == "Union":
            return set(self.__args__) == set(other.__args__)
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        if self._name == "Union":
            return hash(frozenset(self.__args__))
        return hash((self.__origin__, self.__args__))

    def __instancecheck__(self, obj):
        if self._name == "Union":
            for arg in self.__args__:
                if not isinstance(arg, type):
                    raise TypeError(
                        "Subscripted generics cannot be used with class and instance checks"
                    )
            return isinstance(obj, self.__args__)
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if isinstance(origin, _SpecialGenericAlias):
            origin = origin.__origin__
        return (origin,)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __call__(self, *args, **kwargs):
        # `Box[int](5)`: an instance of the origin, which remembers the alias it was made
        # through when it can (`__orig_class__`); the special forms and the aliases of
        # builtin classes raise as their origin does when called.
        origin = self.__origin__
        result = origin(*args, **kwargs)
        if isinstance(origin, type):
            try:
                result.__orig_class__ = self
            except AttributeError:
                pass
        return result

    def __repr__(self):
        args = self.__args__
        if self._name == "Union":
            if len(args) == 2 and args[1] is _NoneType:
                return "typing.Optional[%s]" % _type_repr(args[0])
            if len(args) == 2 and args[0] is _NoneType:
                return "typing.Optional[%s]" % _type_repr(args[1])
            return "typing.Union[%s]" % ", ".join(_type_repr(a) for a in args)
        if self._name == "Callable" and len(args) >= 1:
            result = _type_repr(args[-1])
            if len(args) == 2 and args[0] is ...:
                return "typing.Callable[..., %s]" % result
            params = ", ".join(_type_repr(a) for a in args[:-1])
            return "typing.Callable[[%s], %s]" % (params, result)
        if self._name is not None:
            head = "typing." + self._name
        else:
            head = _type_repr(self.__origin__)
        if not args:
            return head + "[()]"
        return "%s[%s]" % (head, ", ".join(_type_repr(a) for a in args))


class _SpecialGenericAlias(_Final):
    # `List`, `Dict`, `Iterable`: a builtin class or protocol, subscriptable.
    def __init__(self, origin, name, nparams, check=None):
        self.__origin__ = origin
        self._name = name
        self._nparams = nparams
        self._check = check

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == "Callable":
            if len(params) != 2:
                raise TypeError(
                    "Callable must be used as Callable[[arg, ...], result]."
                )
            args, result = params
            if args is ...:
                params = (..., _convert(result))
            else:
                params = tuple(_convert(a) for a in args) + (_convert(result),)
        elif self._name == "Tuple":
            if params == ((),):
                params = ()
            else:
                params = tuple(p if p is ... else _convert(p) for p in params)
        else:
            params = tuple(_convert(p) for p in params)
            if self._nparams >= 0 and len(params) != self._nparams:
                raise TypeError(
                    "Too %s arguments for %r; actual %d, expected %d"
                    % (
                        "many" if len(params) > self._nparams else "few",
                        self,
                        len(params),
                        self._nparams,
                    )
                )
        return _GenericAlias(self, params, self._name)

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self._name == other._name

    def __hash__(self):
        return hash(self._name)

    def __instancecheck__(self, obj):
        if self._check is not None:
            return self._check(obj)
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        if self._check is not None:
            raise TypeError("%r cannot be used with issubclass()" % (self,))
        return issubclass(cls, self.__origin__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            # The abstract classes of `collections.abc` behind these names.
            methods = _ABSTRACT_METHODS[self._name]
            raise TypeError(
                "Can't instantiate abstract class %s with abstract method%s %s"
                % (self._name, "s" if len(methods) > 1 else "", ", ".join(methods))
            )
        raise TypeError(
            "Type %s cannot be instantiated; use %s() instead"
            % (self._name, self.__origin__.__name__)
        )


# The abstract methods of the `collections.abc` class each origin-less alias names.
_ABSTRACT_METHODS = {
    "Callable": ("__call__",),
    "Iterable": ("__iter__",),
    "Iterator": ("__next__",),
    "Sequence": ("__getitem__", "__len__"),
    "Mapping": ("__getitem__", "__iter__", "__len__"),
    "Sized": ("__len__",),
    "Hashable": ("__hash__",),
}


def _has(obj, *names):
    cls = type(obj)
    for name in names:
        if getattr(cls, name, None) is None:
            return False
    return True


def _is_iterable(obj):
    return _has(obj, "__iter__")


def _is_iterator(obj):
    return _has(obj, "__iter__", "__next__")


def _is_sequence(obj):
    return isinstance(obj, (list, tuple, str, range))


def _is_mapping(obj):
    return isinstance(obj, dict)


def _is_callable(obj):
    return callable(obj)


def _is_sized(obj):
    return _has(obj, "__len__")


def _is_hashable(obj):
    return _has(obj, "__hash__")


List = _SpecialGenericAlias(list, "List", 1)
Dict = _SpecialGenericAlias(dict, "Dict", 2)
Set = _SpecialGenericAlias(set, "Set", 1)
FrozenSet = _SpecialGenericAlias(frozenset, "FrozenSet", 1)
Tuple = _SpecialGenericAlias(tuple, "Tuple", -1)
Type = _SpecialGenericAlias(type, "Type", 1)
Callable = _SpecialGenericAlias(None, "Callable", -1, _is_callable)
Iterable = _SpecialGenericAlias(None, "Iterable", 1, _is_iterable)
Iterator = _SpecialGenericAlias(None, "Iterator", 1, _is_iterator)
Sequence = _SpecialGenericAlias(None, "Sequence", 1, _is_sequence)
Mapping = _SpecialGenericAlias(None, "Mapping", 2, _is_mapping)
Sized = _SpecialGenericAlias(None, "Sized", 0, _is_sized)
Hashable = _SpecialGenericAlias(None, "Hashable", 0, _is_hashable)

Text = str


class TypeVar(_Final):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = tuple(_convert(c) for c in constraints)
        self.__bound__ = None if bound is None else _convert(bound)
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        module = _molt.caller_module(1)
        if module != "typing":
            self.__module__ = module

    def __repr__(self):
        if self.__covariant__:
            prefix = "+"
        elif self.__contravariant__:
            prefix = "-"
        else:
            prefix = "~"
        return prefix + self.__name__


class Generic:
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_convert(p) for p in params)
        if cls is Generic or cls is Protocol:
            for p in params:
                if not isinstance(p, TypeVar):
                    raise TypeError(
                        "Parameters to %s[...] must all be type variables or parameter specification variables."
                        % cls.__name__
                    )
            return _GenericAlias(cls, params, cls.__name__)
        return _GenericAlias(cls, params)


class Protocol(Generic):
    pass


def cast(typ, val):
    return val


def overload(func):
    return _overload_dummy


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @typing.overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @typing.overload-decorated."
    )


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def runtime_checkable(cls):
    return cls


# --- NamedTuple ----------------------------------------------------------------------------
#
# `class P(NamedTuple)` resolves the base through `NamedTuple.__mro_entries__` to
# `_NamedTuple`, whose metaclass turns the class body into a `collections.namedtuple`
# class: the annotated names are its fields (those with a value have defaults), the other
# names of the body (methods, class attributes) are set on it.

_NAMEDTUPLE_PROHIBITED = frozenset(
    [
        "__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
        "_make", "_replace", "_asdict", "_source",
    ]
)
_NAMEDTUPLE_SPECIAL = frozenset(["__module__", "__name__", "__annotations__"])


def _make_namedtuple(name, types, module, defaults=()):
    import collections

    annotations = {}
    for field, tp in types:
        annotations[field] = _convert(tp)
    cls = collections.namedtuple(name, list(annotations), defaults=defaults, module=module)
    cls.__annotations__ = annotations
    return cls


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError("can only inherit from a NamedTuple type and Generic")
        types = ns.get("__annotations__", {})
        with_defaults = []
        for field in types:
            if field in ns:
                with_defaults.append(field)
            elif with_defaults:
                raise TypeError(
                    "Non-default namedtuple field %s cannot follow default field%s %s"
                    % (field, "s" if len(with_defaults) > 1 else "", ", ".join(with_defaults))
                )
        made = _make_namedtuple(
            typename,
            list(types.items()),
            ns.get("__module__", "__main__"),
            [ns[n] for n in with_defaults],
        )
        for key in ns:
            if key in _NAMEDTUPLE_PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            # molt cannot assign a class's `__qualname__`: the class keeps its name as
            # qualified name (CPython's differs only for a class nested in another).
            if key not in _NAMEDTUPLE_SPECIAL and key != "__qualname__" and key not in made._fields:
                setattr(made, key, ns[key])
        return made


def NamedTuple(typename, fields=None, /, **kwargs):
    if fields is None:
        fields = list(kwargs.items())
    elif kwargs:
        raise TypeError(
            "Either list of fields or keywords can be provided to NamedTuple, not both"
        )
    return _make_namedtuple(typename, list(fields), _molt.caller_module(1))


_NamedTuple = type.__new__(NamedTupleMeta, "NamedTuple", (), {})


def _namedtuple_mro_entries(bases):
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries
