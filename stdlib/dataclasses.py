# molt's `dataclasses`, written for molt (not CPython's code). CPython generates each
# dataclass's methods as source text and runs it with `exec`; molt has no `exec`, so the
# methods here are closures over the class's field list that behave as the generated ones:
# the same results, the same order of attribute reads and calls, and CPython's errors
# (`C.__init__() missing 1 required positional argument: 'y'`).

import sys
import copy
import abc

__all__ = [
    "dataclass",
    "field",
    "Field",
    "FrozenInstanceError",
    "InitVar",
    "KW_ONLY",
    "MISSING",
    "fields",
    "asdict",
    "astuple",
    "make_dataclass",
    "replace",
    "is_dataclass",
]


# `C[int]` of the classes CPython makes generic: a `types.GenericAlias`.
_GenericAlias = type(list[int])


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _Probe:
    pass


# `types.MappingProxyType`: the type of a class's `__dict__`.
_MappingProxy = type(_Probe.__dict__)
_EMPTY_METADATA = _MappingProxy({})


class _FIELD_BASE:
    # The kinds of entries in `__dataclass_fields__`: a field, a ClassVar, an InitVar.
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE("_FIELD")
_FIELD_CLASSVAR = _FIELD_BASE("_FIELD_CLASSVAR")
_FIELD_INITVAR = _FIELD_BASE("_FIELD_INITVAR")

_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"
_POST_INIT_NAME = "__post_init__"

# `keyword.kwlist` of CPython 3.11: the names `make_dataclass` refuses.
_KEYWORDS = frozenset(
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break",
        "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
        "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield",
    ]
)


class InitVar:
    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        t = self.type
        if isinstance(t, type):
            name = t.__name__
        else:
            name = repr(t)
        return "dataclasses.InitVar[%s]" % name

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    __class_getitem__ = classmethod(_GenericAlias)
    __slots__ = (
        "name",
        "type",
        "default",
        "default_factory",
        "repr",
        "hash",
        "init",
        "compare",
        "metadata",
        "kw_only",
        "_field_type",
    )

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        if metadata is None:
            self.metadata = _EMPTY_METADATA
        else:
            self.metadata = _MappingProxy(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return (
            "Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,"
            "hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=%s)"
            % (
                self.name,
                self.type,
                self.default,
                self.default_factory,
                self.init,
                self.repr,
                self.hash,
                self.compare,
                self.metadata,
                self.kw_only,
                self._field_type,
            )
        )

    def __set_name__(self, owner, name):
        # A default that is a descriptor learns its name too.
        hook = getattr(type(self.default), "__set_name__", None)
        if hook:
            hook(self.default, owner, name)


class _DataclassParams:
    __slots__ = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return "_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)" % (
            self.init,
            self.repr,
            self.eq,
            self.order,
            self.unsafe_hash,
            self.frozen,
        )


def field(
    *,
    default=MISSING,
    default_factory=MISSING,
    init=True,
    repr=True,
    hash=None,
    compare=True,
    metadata=None,
    kw_only=MISSING,
):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


# --- Recognising ClassVar, InitVar and KW_ONLY annotations -------------------------------


def _is_classvar(annotation, typing):
    if annotation is typing.ClassVar:
        return True
    return type(annotation) is typing._GenericAlias and annotation.__origin__ is typing.ClassVar


def _is_initvar(annotation, dataclasses):
    return annotation is dataclasses.InitVar or type(annotation) is dataclasses.InitVar


def _is_kw_only(annotation, dataclasses):
    return annotation is dataclasses.KW_ONLY


def _is_word_char(c):
    return c.isalnum() or c == "_"


def _leading_name(text):
    # A string annotation's `module.name` or `name` prefix (CPython matches
    # `^(?:\s*(\w+)\s*\.)?\s*(\w+)`): `(module or None, name)`, or None.
    n = len(text)

    def word(i):
        while i < n and text[i].isspace():
            i += 1
        start = i
        while i < n and _is_word_char(text[i]):
            i += 1
        return start, i

    start, end = word(0)
    if start == end:
        return None
    first = text[start:end]
    i = end
    while i < n and text[i].isspace():
        i += 1
    if i < n and text[i] == ".":
        s2, e2 = word(i + 1)
        if s2 != e2:
            return first, text[s2:e2]
    return None, first


def _is_type(annotation, cls, module, target, predicate):
    # A string annotation (`"ClassVar[int]"`, `"typing.ClassVar"`) names `target` when
    # its leading name, looked up in the class's module, is it.
    found = _leading_name(annotation)
    if found is None:
        return False
    module_name, name = found
    cls_module = sys.modules.get(cls.__module__)
    namespace = None
    if module_name is None:
        namespace = cls_module.__dict__
    elif cls_module and cls_module.__dict__.get(module_name) is module:
        namespace = cls_module.__dict__
    if namespace and predicate(namespace.get(name), module):
        return True
    return False


def _get_field(cls, name, annotation, default_kw_only):
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if type(default).__name__ == "member_descriptor":
            # A `__slots__` member: no default.
            default = MISSING
        f = field(default=default)
    f.name = name
    f.type = annotation
    f._field_type = _FIELD
    typing = sys.modules.get("typing")
    if typing:
        if _is_classvar(annotation, typing) or (
            isinstance(annotation, str) and _is_type(annotation, cls, typing, typing.ClassVar, _is_classvar)
        ):
            f._field_type = _FIELD_CLASSVAR
    if f._field_type is _FIELD:
        this = sys.modules[__name__]
        if _is_initvar(annotation, this) or (
            isinstance(annotation, str) and _is_type(annotation, cls, this, this.InitVar, _is_initvar)
        ):
            f._field_type = _FIELD_INITVAR
    if f._field_type is _FIELD_CLASSVAR or f._field_type is _FIELD_INITVAR:
        if f.default_factory is not MISSING:
            raise TypeError("field %s cannot have a default factory" % (f.name,))
    if f._field_type is _FIELD_CLASSVAR:
        if f.kw_only is not MISSING:
            raise TypeError("field %s is a ClassVar but specifies kw_only" % (f.name,))
    elif f.kw_only is MISSING:
        f.kw_only = default_kw_only
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError(
            "mutable default %s for field %s is not allowed: use default_factory"
            % (type(f.default), f.name)
        )
    return f


# --- The generated methods ----------------------------------------------------------------


def _set_new_attribute(cls, name, value):
    # Never replaces what the class itself defines: True when it already had `name`.
    if name in cls.__dict__:
        return True
    if type(value).__name__ == "function":
        value.__qualname__ = "%s.%s" % (cls.__qualname__, value.__name__)
    setattr(cls, name, value)
    return False


def _names_list(names):
    # CPython's list of missing parameters: 'a'; 'a' and 'b'; 'a', 'b', and 'c'.
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return "%s and %s" % (quoted[0], quoted[1])
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def _missing_error(qualname, names, kind):
    return TypeError(
        "%s() missing %d required %s argument%s: %s"
        % (qualname, len(names), kind, "" if len(names) == 1 else "s", _names_list(names))
    )


def _init_fn(all_fields, std_fields, kw_fields, frozen, has_post_init, self_name, slots):
    # `__init__(self, <std fields>, *, <kw-only fields>)`: binds its arguments as CPython
    # binds them to the generated signature, then assigns every field in order.
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError("non-default argument %r follows default argument" % (f.name,))

    positional = [self_name] + [f.name for f in std_fields]
    npos = len(positional)
    kw_names = [f.name for f in kw_fields]
    params = positional + kw_names
    index = {}
    for i, name in enumerate(params):
        index[name] = i
    # A parameter's default: the field's default, or the marker that calls its factory.
    defaults = [MISSING]
    for f in std_fields + kw_fields:
        if f.default is not MISSING:
            defaults.append(f.default)
        elif f.default_factory is not MISSING:
            defaults.append(_HAS_DEFAULT_FACTORY)
        else:
            defaults.append(MISSING)
    ndefaults = 0
    for d in defaults[1:npos]:
        if d is not MISSING:
            ndefaults += 1
    min_pos = npos - ndefaults
    pos_defaults = tuple(defaults[min_pos:npos])
    kw_defaults = tuple(defaults[npos:])
    required_kw = MISSING in kw_defaults
    # What the body does for each field, in order: (name, parameter index, action, value);
    # actions: 0 the argument, 1 the argument or the factory's result, 2 the factory's
    # result, 3 the default (a field with init=False in a class with __slots__).
    plan = []
    for f in all_fields:
        if f.default_factory is not MISSING:
            if f.init:
                step = (f.name, index[f.name], 1, f.default_factory)
            else:
                step = (f.name, -1, 2, f.default_factory)
        elif f.init:
            step = (f.name, index[f.name], 0, None)
        elif slots and f.default is not MISSING:
            step = (f.name, -1, 3, f.default)
        else:
            continue
        if f._field_type is not _FIELD_INITVAR:
            plan.append(step)
    initvars = [(f.name, index.get(f.name, -1)) for f in all_fields if f._field_type is _FIELD_INITVAR]

    nparams = len(params)
    unbound = [MISSING] * nparams

    def too_many(qualname, given, bound):
        kwonly_given = 0
        for v in bound[npos:]:
            if v is not MISSING:
                kwonly_given += 1
        if ndefaults:
            sig = "from %d to %d" % (min_pos, npos)
            plural = True
        else:
            sig = "%d" % npos
            plural = npos != 1
        if kwonly_given:
            extra = " positional argument%s (and %d keyword-only argument%s)" % (
                "s" if given != 1 else "",
                kwonly_given,
                "s" if kwonly_given != 1 else "",
            )
        else:
            extra = ""
        return TypeError(
            "%s() takes %s positional argument%s but %d%s %s given"
            % (qualname, sig, "s" if plural else "", given, extra, "was" if given == 1 and not kwonly_given else "were")
        )

    def bind(args, kwargs):
        # CPython's argument binding, in its order of checks and with its errors: the
        # arguments by parameter index, defaults filled in.
        given = len(args)
        if given > npos:
            bound = list(args[:npos]) + unbound[npos:]
        else:
            bound = list(args) + unbound[given:]
        for key in kwargs:
            i = index.get(key, -1)
            if i < 0:
                raise TypeError("%s() got an unexpected keyword argument '%s'" % (__init__.__qualname__, key))
            if bound[i] is not MISSING:
                raise TypeError("%s() got multiple values for argument '%s'" % (__init__.__qualname__, key))
            bound[i] = kwargs[key]
        if given > npos:
            raise too_many(__init__.__qualname__, given, bound)
        for i in range(given, nparams):
            if bound[i] is MISSING:
                value = defaults[i]
                if value is MISSING:
                    if i < npos:
                        missing = [params[j] for j in range(given, min_pos) if bound[j] is MISSING]
                        raise _missing_error(__init__.__qualname__, missing, "positional")
                    missing = [
                        params[j] for j in range(npos, nparams) if bound[j] is MISSING and defaults[j] is MISSING
                    ]
                    raise _missing_error(__init__.__qualname__, missing, "keyword-only")
                bound[i] = value
        return bound

    def __init__(*args, **kwargs):
        given = len(args)
        if not kwargs and not required_kw and min_pos <= given <= npos:
            bound = args + pos_defaults[given - min_pos :] + kw_defaults
        else:
            bound = bind(args, kwargs)
        self = bound[0]
        for name, i, action, extra in plan:
            if action == 0:
                value = bound[i]
            elif action == 1:
                value = bound[i]
                if value is _HAS_DEFAULT_FACTORY:
                    value = extra()
            elif action == 2:
                value = extra()
            else:
                value = extra
            if frozen:
                object.__setattr__(self, name, value)
            else:
                setattr(self, name, value)
        if has_post_init:
            values = []
            for name, i in initvars:
                if i < 0:
                    raise NameError("name '%s' is not defined" % (name,))
                values.append(bound[i])
            self.__post_init__(*values)

    return __init__


def _repr_fn(flds):
    names = [f.name for f in flds]
    running = set()

    def __repr__(self):
        key = id(self)
        if key in running:
            return "..."
        running.add(key)
        try:
            head = self.__class__.__qualname__
            parts = []
            for name in names:
                parts.append("%s=%r" % (name, getattr(self, name)))
            return head + "(" + ", ".join(parts) + ")"
        finally:
            running.discard(key)

    return __repr__


def _getter(names):
    # The tuple of the fields `names` of an object, read in order.
    if len(names) == 1:
        a = names[0]
        return lambda obj: (getattr(obj, a),)
    if len(names) == 2:
        a, b = names
        return lambda obj: (getattr(obj, a), getattr(obj, b))
    if len(names) == 3:
        a, b, c = names
        return lambda obj: (getattr(obj, a), getattr(obj, b), getattr(obj, c))
    return lambda obj: tuple([getattr(obj, n) for n in names])


def _eq_fn(flds):
    values = _getter([f.name for f in flds])

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _order_fns(flds):
    values = _getter([f.name for f in flds])

    def __lt__(self, other):
        if other.__class__ is self.__class__:
            return values(self) < values(other)
        return NotImplemented

    def __le__(self, other):
        if other.__class__ is self.__class__:
            return values(self) <= values(other)
        return NotImplemented

    def __gt__(self, other):
        if other.__class__ is self.__class__:
            return values(self) > values(other)
        return NotImplemented

    def __ge__(self, other):
        if other.__class__ is self.__class__:
            return values(self) >= values(other)
        return NotImplemented

    return [__lt__, __le__, __gt__, __ge__]


def _hash_fn(flds):
    values = _getter([f.name for f in flds])

    def __hash__(self):
        return hash(values(self))

    return __hash__


def _frozen_fns(cls, flds):
    names = tuple([f.name for f in flds])

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError("cannot assign to field %r" % (name,))
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError("cannot delete field %r" % (name,))
        super(cls, self).__delattr__(name)

    return [__setattr__, __delattr__]


# --- The class docstring: `inspect.signature` of the class, as CPython builds it -----------

# The generated `__init__` functions and their signature text (`(x: int, y: int = 0)`).
_SIGNATURES = {}


def _format_annotation(annotation):
    # `inspect.formatannotation`.
    if getattr(annotation, "__module__", None) == "typing":
        return _strip_typing(repr(annotation))
    if isinstance(annotation, type):
        if annotation.__module__ == "builtins":
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation)


def _strip_typing(text):
    # Drops `typing.` at the start of every dotted name of `text`.
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if _is_word_char(c) or c == ".":
            j = i
            while j < n and (_is_word_char(text[j]) or text[j] == "."):
                j += 1
            word = text[i:j]
            if word.startswith("typing."):
                word = word[7:]
            out.append(word)
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _signature_text(std_fields, kw_fields):
    parts = []
    for f in std_fields:
        parts.append(_param_text(f))
    if kw_fields:
        parts.append("*")
        for f in kw_fields:
            parts.append(_param_text(f))
    return "(" + ", ".join(parts) + ")"


def _param_text(f):
    text = "%s: %s" % (f.name, _format_annotation(f.type))
    if f.default is not MISSING:
        text += " = %r" % (f.default,)
    elif f.default_factory is not MISSING:
        text += " = <factory>"
    return text


class _UnknownDoc:
    # The docstring CPython derives from a hand-written `__init__`'s signature: molt's
    # functions do not record their annotations, so reading it is a `molt:` error.
    def __get__(self, obj, owner=None):
        raise NotImplementedError(
            "molt: the docstring dataclasses derives from the signature of a hand-written "
            "__init__ or __new__ is not supported yet"
        )


def _class_signature(cls):
    # `inspect.signature(cls)`: the first class of the MRO defining `__new__` or
    # `__init__` gives it; None when that is not a generated `__init__`.
    for base in cls.__mro__[:-1]:
        if base is abc.ABC:
            # CPython's `ABC` defines neither; molt's checks abstract methods in `__new__`.
            continue
        if "__new__" in base.__dict__:
            return None
        if "__init__" in base.__dict__:
            return _SIGNATURES.get(base.__dict__["__init__"])
    return "()"


# --- The decorator ------------------------------------------------------------------------


_COMPILED_INIT = "__molt_dataclass_init__"


def _compiled_init_fits(compiled, init_fn, all_init_fields, std_init_fields, has_post_init):
    # Whether the `__init__` the compiler wrote from the class's source does what the
    # generated one would: the same parameters and defaults, every field a plain one taken
    # by position, `__post_init__` called alike (an annotation the compiler could not read,
    # such as an alias of `ClassVar`, makes it fall back to the generated method).
    names, post_init = compiled
    if bool(has_post_init) != post_init or len(all_init_fields) != len(std_init_fields):
        return False
    if [f.name for f in std_init_fields] != list(names):
        return False
    defaults = []
    for f in std_init_fields:
        if f._field_type is not _FIELD or f.default_factory is not MISSING:
            return False
        if f.default is not MISSING:
            defaults.append(f.default)
    compiled_defaults = init_fn.__defaults__ or ()
    if len(defaults) != len(compiled_defaults):
        return False
    for a, b in zip(defaults, compiled_defaults):
        if type(a) is not type(b) or a != b:
            return False
    return True


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots, weakref_slot):
    # The compiler writes `__init__` itself for simple dataclasses and says so with a
    # marker: the fields it takes and whether it calls `__post_init__`. Nothing sees it.
    compiled = cls.__dict__.get(_COMPILED_INIT, None)
    if compiled is not None:
        delattr(cls, _COMPILED_INIT)
    fields = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    any_frozen_base = False
    has_dataclass_bases = False
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(base, _PARAMS).frozen:
                any_frozen_base = True

    annotations = cls.__dict__.get("__annotations__", {})
    this = sys.modules[__name__]
    own_fields = []
    kw_only_seen = False
    for name, annotation in annotations.items():
        if _is_kw_only(annotation, this) or (
            isinstance(annotation, str) and _is_type(annotation, cls, this, this.KW_ONLY, _is_kw_only)
        ):
            if kw_only_seen:
                raise TypeError("%r is KW_ONLY, but KW_ONLY has already been specified" % (name,))
            kw_only_seen = True
            kw_only = True
        else:
            own_fields.append(_get_field(cls, name, annotation, kw_only))

    for f in own_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError("%r is a field but has no type annotation" % (name,))

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")

    setattr(cls, _FIELDS, fields)

    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and "__eq__" in cls.__dict__))

    if order and not eq:
        raise ValueError("eq must be true if order is true")

    all_init_fields = [f for f in fields.values() if f._field_type is _FIELD or f._field_type is _FIELD_INITVAR]
    std_init_fields = [f for f in all_init_fields if f.init and not f.kw_only]
    kw_only_init_fields = [f for f in all_init_fields if f.init and f.kw_only]

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        self_name = "__dataclass_self__" if "self" in fields else "self"
        if compiled is not None:
            init_fn = cls.__dict__["__init__"]
            # Re-added below, where CPython's dataclass adds the `__init__` it generates.
            delattr(cls, "__init__")
            if not _compiled_init_fits(compiled, init_fn, all_init_fields, std_init_fields, has_post_init):
                init_fn = None
        else:
            init_fn = None
        if init_fn is None:
            init_fn = _init_fn(
                all_init_fields, std_init_fields, kw_only_init_fields, frozen, has_post_init, self_name, slots
            )
        _SIGNATURES[init_fn] = _signature_text(std_init_fields, kw_only_init_fields)
        _set_new_attribute(cls, "__init__", init_fn)

    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        _set_new_attribute(cls, "__repr__", _repr_fn([f for f in field_list if f.repr]))

    if eq:
        _set_new_attribute(cls, "__eq__", _eq_fn([f for f in field_list if f.compare]))

    if order:
        for fn in _order_fns([f for f in field_list if f.compare]):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError(
                    "Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering"
                    % (fn.__name__, cls.__name__)
                )

    if frozen:
        for fn in _frozen_fns(cls, field_list):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError("Cannot overwrite attribute %s in class %s" % (fn.__name__, cls.__name__))

    # `__hash__`: CPython's table of (unsafe_hash, eq, frozen, has_explicit_hash).
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError("Cannot overwrite attribute __hash__ in class %s" % (cls.__name__,))
        cls.__hash__ = _hash_with_name(cls, field_list)
    elif eq and not has_explicit_hash:
        if frozen:
            cls.__hash__ = _hash_with_name(cls, field_list)
        else:
            cls.__hash__ = None

    if not getattr(cls, "__doc__"):
        signature = _class_signature(cls)
        if signature is None:
            cls.__doc__ = _UnknownDoc()
        else:
            cls.__doc__ = cls.__name__ + signature

    if match_args:
        _set_new_attribute(cls, "__match_args__", tuple([f.name for f in std_init_fields]))

    if weakref_slot and not slots:
        raise TypeError("weakref_slot is True but slots is False")
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    abc.update_abstractmethods(cls)
    return cls


def _hash_with_name(cls, field_list):
    fn = _hash_fn([f for f in field_list if (f.compare if f.hash is None else f.hash)])
    fn.__qualname__ = "%s.__hash__" % (cls.__qualname__,)
    return fn


def _get_slots(cls):
    slots = cls.__dict__.get("__slots__")
    if slots is None:
        return []
    if isinstance(slots, str):
        return [slots]
    if hasattr(slots, "__next__"):
        raise TypeError("Slots of '%s' cannot be determined" % (cls.__name__,))
    return list(slots)


def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def _add_slots(cls, is_frozen, weakref_slot):
    if "__slots__" in cls.__dict__:
        raise TypeError("%s already specifies __slots__" % (cls.__name__,))
    namespace = dict(cls.__dict__)
    names = [f.name for f in fields(cls)]
    inherited = set()
    for base in cls.__mro__[1:-1]:
        for slot in _get_slots(base):
            inherited.add(slot)
    wanted = list(names)
    if weakref_slot:
        wanted.append("__weakref__")
    namespace["__slots__"] = tuple([s for s in wanted if s not in inherited])
    for name in names:
        namespace.pop(name, None)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    new_cls = type(cls)(cls.__name__, cls.__bases__, namespace)
    if qualname is not None and qualname != new_cls.__qualname__:
        new_cls.__qualname__ = qualname
    if is_frozen:
        if "__getstate__" not in namespace:
            new_cls.__getstate__ = _dataclass_getstate
        if "__setstate__" not in namespace:
            new_cls.__setstate__ = _dataclass_setstate
    return new_cls


def dataclass(
    cls=None,
    /,
    *,
    init=True,
    repr=True,
    eq=True,
    order=False,
    unsafe_hash=False,
    frozen=False,
    match_args=True,
    kw_only=False,
    slots=False,
    weakref_slot=False,
):
    def wrap(cls):
        return _process_class(
            cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots, weakref_slot
        )

    if cls is None:
        return wrap
    return wrap(cls)


# --- Functions over dataclasses -------------------------------------------------------------


def fields(class_or_instance):
    try:
        all_fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple([f for f in all_fields.values() if f._field_type is _FIELD])


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _convert(obj, factory, as_dict):
    # The recursion of `asdict` (`as_dict`) and `astuple`.
    if _is_dataclass_instance(obj):
        if as_dict:
            pairs = []
            for f in fields(obj):
                pairs.append((f.name, _convert(getattr(obj, f.name), factory, True)))
            return factory(pairs)
        items = []
        for f in fields(obj):
            items.append(_convert(getattr(obj, f.name), factory, False))
        return factory(items)
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_convert(v, factory, as_dict) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_convert(v, factory, as_dict) for v in obj)
    if isinstance(obj, dict):
        if as_dict:
            return type(obj)((_convert(k, factory, True), _convert(v, factory, True)) for k, v in obj.items())
        return type(obj)((_convert(k, factory, False), _convert(v, factory, False)) for k, v in obj.items())
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _convert(obj, dict_factory, True)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _convert(obj, tuple_factory, False)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(
                    "field %s is declared with init=False, it cannot be specified with replace()" % (f.name,)
                )
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % (f.name,))
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(
    cls_name,
    fields,
    *,
    bases=(),
    namespace=None,
    init=True,
    repr=True,
    eq=True,
    order=False,
    unsafe_hash=False,
    frozen=False,
    match_args=True,
    kw_only=False,
    slots=False,
    weakref_slot=False,
):
    if namespace is None:
        namespace = {}
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = "typing.Any"
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError("Invalid field: %r" % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError("Field names must be valid identifiers: %r" % (name,))
        if name in _KEYWORDS:
            raise TypeError("Field names must not be keywords: %r" % (name,))
        if name in seen:
            raise TypeError("Field name duplicated: %r" % (name,))
        seen.add(name)
        annotations[name] = tp
    body = {}
    body.update(namespace)
    body.update(defaults)
    body["__annotations__"] = annotations
    if "__module__" not in body:
        # CPython's class is made by `types.new_class`, whose module it takes.
        body["__module__"] = "types"
    cls = type(cls_name, tuple(bases), body)
    return dataclass(
        cls,
        init=init,
        repr=repr,
        eq=eq,
        order=order,
        unsafe_hash=unsafe_hash,
        frozen=frozen,
        match_args=match_args,
        kw_only=kw_only,
        slots=slots,
        weakref_slot=weakref_slot,
    )
