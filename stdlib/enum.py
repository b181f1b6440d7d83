# molt's `enum`, written for molt (not CPython's code): `Enum`, `Flag`, `auto`, `unique`
# and the metaclass `EnumType` (also `EnumMeta`). An enum class body runs in an
# `_EnumDict` (from `EnumType.__prepare__`), which records the members in definition order
# and refuses to redefine a name; `EnumType.__new__` then creates the class and its members.
# `ReprEnum` and its data-type enums `IntEnum`, `StrEnum` and `IntFlag` derive from a builtin
# type and an enum base: their members are ints or strs (`int.__new__(cls, value)`), their
# `str()` and `format()` are the data type's, and `IntFlag` keeps unknown bits (CPython's
# KEEP boundary).


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _is_private(cls_name, name):
    prefix = "_" + cls_name.lstrip("_") + "__"
    return name.startswith(prefix) and not name.endswith("__") and len(name) > len(prefix)


def _function():
    pass


_FunctionType = type(_function)


def _is_descriptor(value):
    # Functions, the builtin descriptors and instances of classes defining the protocol.
    if isinstance(value, (_FunctionType, staticmethod, classmethod, property)):
        return True
    kind = type(value)
    if kind.__module__ == "builtins":
        return False
    return hasattr(kind, "__get__") or hasattr(kind, "__set__") or hasattr(kind, "__delete__")


class _AutoNull:
    def __repr__(self):
        return "_auto_null"


_auto_null = _AutoNull()


class auto:
    """A member value chosen by `_generate_next_value_` when the class body assigns it."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class _EnumDict:
    """The namespace of an enum class body: members in definition order, no redefinitions."""

    def __init__(self, cls_name, generate):
        self._data = {}
        self._member_names = []
        self._last_values = []
        self._cls_name = cls_name
        self._generate_next_value = generate

    def __getitem__(self, key):
        return self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __delitem__(self, key):
        del self._data[key]

    def keys(self):
        return self._data.keys()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def __setitem__(self, key, value):
        if _is_private(self._cls_name, key):
            self._data[key] = value
            return
        if _is_sunder(key):
            if key not in ("_order_", "_generate_next_value_", "_missing_", "_numeric_repr_"):
                if key == "_ignore_":
                    raise NotImplementedError("molt: `_ignore_` in an enum is not supported yet")
                raise ValueError(
                    "_sunder_ names, such as %r, are reserved for future Enum use" % (key,)
                )
            if key == "_generate_next_value_":
                if self._member_names:
                    raise TypeError("_generate_next_value_ must be defined before members")
                function = value
                if isinstance(function, staticmethod):
                    function = function.__func__
                self._generate_next_value = function
            self._data[key] = value
            return
        if _is_dunder(key):
            if key == "__order__":
                key = "_order_"
            self._data[key] = value
            return
        if key in self._member_names:
            raise TypeError("%r already defined as %r" % (key, self._data[key]))
        if key in self._data:
            raise TypeError("%r already defined as %r" % (key, self._data[key]))
        if _is_descriptor(value):
            self._data[key] = value
            return
        if isinstance(value, auto):
            if value.value is _auto_null:
                value.value = self._generate_next_value(
                    key, 1, len(self._member_names), self._last_values[:]
                )
            value = value.value
        self._member_names.append(key)
        self._last_values.append(value)
        self._data[key] = value


def _find_enum_base(bases):
    # The enum class the new class derives from, if any: the last base, as in CPython
    # (`class Num(int, Enum)`).
    for base in reversed(bases):
        if isinstance(base, EnumType):
            return base
    return None


def _find_data_type(cls_name, bases):
    # The builtin or user type the members are instances of besides the enum (`int` for
    # `IntEnum`), or `object`: the first class of each base's MRO, outside the enums, that
    # defines `__new__` or `__init__` or is a builtin type (a plain mixin before it counts
    # in its place, as in CPython).
    data_types = []
    for chain in bases:
        candidate = None
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    if base._member_type_ not in data_types:
                        data_types.append(base._member_type_)
                    break
                continue
            if "__new__" in base.__dict__ or "__init__" in base.__dict__ or base.__module__ == "builtins":
                found = candidate or base
                if found not in data_types:
                    data_types.append(found)
                break
            candidate = candidate or base
    if len(data_types) > 1:
        raise TypeError("too many data types for %r: %r" % (cls_name, set(data_types)))
    if data_types:
        return data_types[0]
    return object


def _new_plain_member(enum_class, *args):
    # A member object without the enum's own `__new__`: an instance of the data type.
    member_type = enum_class._member_type_
    if member_type is object:
        return object.__new__(enum_class)
    return member_type.__new__(enum_class, *args)


def _call_init(member, args):
    # `member.__init__(*args)`, unless the first `__init__` along the MRO is a builtin
    # type's (which takes the constructor's arguments and does nothing).
    for klass in type(member).__mro__:
        init = klass.__dict__.get("__init__")
        if init is not None:
            if klass.__module__ != "builtins":
                init(member, *args)
            return


def _check_no_members(cls_name, bases):
    for base in bases:
        for klass in base.__mro__:
            if isinstance(klass, EnumType) and klass._member_names_:
                raise TypeError("<enum %r> cannot extend %r" % (cls_name, klass))


class EnumType(type):
    """The metaclass of enumerations."""

    @classmethod
    def __prepare__(metacls, cls, bases, boundary=None, **kwds):
        _check_no_members(cls, bases)
        first_enum = _find_enum_base(bases)
        generate = None
        if first_enum is not None:
            generate = first_enum._generate_next_value_
        return _EnumDict(cls, generate)

    def __new__(metacls, cls, bases, classdict, boundary=None, **kwds):
        if not isinstance(classdict, _EnumDict):
            raise NotImplementedError(
                "molt: creating an enum class without its class statement is not supported yet"
            )
        if bases and not isinstance(bases[-1], EnumType):
            raise TypeError(
                "new enumerations should be created as "
                "`EnumName([mixin_type, ...] [data_type,] enum_type)`"
            )
        member_type = _find_data_type(cls, bases)
        member_names = classdict._member_names
        body = {}
        for key, value in classdict.items():
            if key not in member_names:
                body[key] = value
        # A `__new__` of an enum body creates its members; the class's own `__new__` stays
        # `Enum.__new__` (the lookup by value).
        new_member = body.pop("__new__", None) if Enum is not None else None
        body["_member_names_"] = []
        body["_member_map_"] = {}
        body["_value2member_map_"] = {}
        body["_unhashable_values_"] = []
        body["_new_member_"] = new_member
        body["_member_type_"] = member_type
        if boundary is not None:
            body["_boundary_"] = boundary
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        # The data type's `str()` and `format()` for a direct subclass of `ReprEnum`; then
        # the enum's `repr`/`str`/`format` wherever the data type's or `object`'s would be
        # found first (`class Num(int, Enum)`), unless the body defines them.
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError(
                    "ReprEnum subclasses must be mixed with a data type "
                    "(i.e. int, str, float, etc.)"
                )
            if "__format__" not in body:
                type.__setattr__(enum_class, "__format__", member_type.__format__)
                body["__format__"] = member_type.__format__
            if "__str__" not in body:
                method = member_type.__str__
                for klass in member_type.__mro__:
                    if "__str__" in klass.__dict__:
                        if klass is object:
                            # `object.__str__` would call the enum's `__repr__`.
                            method = member_type.__repr__
                        break
                type.__setattr__(enum_class, "__str__", method)
                body["__str__"] = method
        first_enum = bases[-1] if bases else None
        if first_enum is not None:
            for name in ("__repr__", "__str__", "__format__"):
                if name not in body:
                    found = getattr(enum_class, name)
                    if found == getattr(member_type, name) or found == getattr(object, name):
                        type.__setattr__(enum_class, name, getattr(first_enum, name))
        if Flag is not None and issubclass(enum_class, Flag):
            # The flag operators come before the data type's (`int.__or__`).
            for op in ("__or__", "__and__", "__xor__", "__ror__", "__rand__", "__rxor__", "__invert__"):
                if op not in body:
                    type.__setattr__(enum_class, op, Flag.__dict__[op])
        if new_member is None:
            for klass in enum_class.__mro__[1:]:
                inherited = klass.__dict__.get("_new_member_")
                if inherited is not None:
                    new_member = inherited
                    break
        enum_class._flag_mask_ = 0
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        for name in member_names:
            value = classdict[name]
            args = value if isinstance(value, tuple) else (value,)
            if new_member is None:
                member = _new_plain_member(enum_class, *args)
            else:
                member = new_member(enum_class, *args)
            if "_value_" not in member.__dict__:
                if member_type is object or new_member is not None:
                    member._value_ = value
                else:
                    member._value_ = member_type(*args)
            member._name_ = name
            _call_init(member, args)
            canonical = None
            for existing_name in enum_class._member_names_:
                existing = enum_class._member_map_[existing_name]
                if existing._value_ == member._value_:
                    canonical = existing
                    break
            if canonical is not None:
                member = canonical
            elif is_flag and not _is_single_bit(member._value_):
                # A multi-bit flag value is an alias: not iterated, but looked up.
                pass
            else:
                enum_class._member_names_.append(name)
                if is_flag:
                    enum_class._flag_mask_ |= member._value_
            try:
                enum_class._value2member_map_.setdefault(member._value_, member)
            except TypeError:
                enum_class._unhashable_values_.append(member._value_)
            enum_class._member_map_[name] = member
            type.__setattr__(enum_class, name, member)
        if is_flag:
            enum_class._all_bits_ = (1 << enum_class._flag_mask_.bit_length()) - 1
        return enum_class

    def __bool__(cls):
        return True

    def __call__(cls, value, *args, **kwds):
        if args or kwds:
            raise NotImplementedError(
                "molt: the functional API of enum (creating an enum by a call) is not supported yet"
            )
        return Enum.__new__(cls, value)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise NotImplementedError(
                "molt: `in` with an enum and a non-member (CPython 3.11 warns, then raises "
                "TypeError) is not supported yet"
            )
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __getattr__(cls, name):
        if _is_dunder(name):
            raise AttributeError(name)
        try:
            return cls._member_map_[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @property
    def __members__(cls):
        return type(cls.__dict__)(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % (cls.__name__,)
        return "<enum %r>" % (cls.__name__,)

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get("_member_map_", {})
        if name in member_map:
            raise AttributeError("cannot reassign member %r" % (name,))
        super().__setattr__(name, value)


EnumMeta = EnumType

Enum = None
ReprEnum = None
Flag = None

# `IntFlag`'s boundary: values with bits outside the members are kept (CPython's
# `FlagBoundary.KEEP`; the other boundaries are not provided, `Flag` is always STRICT).
_KEEP = "keep"


class _MemberProperty:
    # `name` and `value` of members: read-only.
    def __init__(self, attr):
        self.attr = attr

    def __set_name__(self, owner, name):
        self.name = name
        self.owner = owner

    def __get__(self, instance, owner=None):
        if instance is None:
            raise AttributeError(
                "%r has no attribute %r" % (owner.__name__, self.name)
            )
        return instance.__dict__[self.attr]

    def __set__(self, instance, value):
        raise AttributeError("%r cannot set attribute %r" % (self.owner, self.name))

    def __delete__(self, instance):
        raise AttributeError("%r cannot delete attribute %r" % (self.owner, self.name))


class Enum(metaclass=EnumType):
    """Generic enumeration: members are the class attributes assigned in the class body."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        error = None
        result = None
        try:
            result = cls._missing_(value)
        except Exception as e:
            error = e
        if isinstance(result, cls):
            return result
        invalid = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if result is None and error is None:
            raise invalid
        if error is None:
            error = TypeError(
                "error in %s._missing_: returned %r instead of None or a valid member"
                % (cls.__name__, result)
            )
        if not isinstance(error, ValueError):
            error.__context__ = invalid
        raise error

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        last = last_values[-1]
        try:
            return last + 1
        except TypeError:
            raise TypeError("unable to sort non-numeric values") from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    name = _MemberProperty("_name_")
    value = _MemberProperty("_value_")


def _is_single_bit(num):
    return num > 0 and num & (num - 1) == 0


def _bits(num, width):
    # CPython's rendering of a non-negative flag value in its error messages.
    digits = format(num, "b") if num else ""
    return "0b0 " + digits.rjust(width, "0")


class Flag(Enum):
    """Support for flags: members combine with `|`, `&`, `^` and `~`."""

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = last_values[-1]
        if not isinstance(last, int):
            raise TypeError("invalid flag value %r" % (last,)) from None
        return 1 << last.bit_length() if last > 0 else 1

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        keep = getattr(cls, "_boundary_", None) is _KEEP
        if value < 0:
            if keep:
                value = max(cls._all_bits_ + 1, 2 ** value.bit_length()) + value
            else:
                value = cls._all_bits_ + 1 + value
        unknown = value & ~flag_mask
        if value < 0 or (unknown and not keep):
            width = max(value.bit_length(), flag_mask.bit_length())
            raise ValueError(
                "%r invalid value %r\n    given %s\n  allowed %s"
                % (cls, value, _bits(value, width), _bits(flag_mask, width))
            )
        pseudo = cls._value2member_map_.get(value)
        if pseudo is not None:
            return pseudo
        pseudo = _new_plain_member(cls, value)
        pseudo._value_ = value
        if value & flag_mask:
            names = [
                name for name in cls._member_names_
                if cls._member_map_[name]._value_ & value
            ]
            if unknown:
                names.append(repr(unknown))
            pseudo._name_ = "|".join(names)
        else:
            pseudo._name_ = None
        return cls._value2member_map_.setdefault(value, pseudo)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r"
                % (type(other).__qualname__, self.__class__.__qualname__)
            )
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        cls = self.__class__
        for name in cls._member_names_:
            member = cls._member_map_[name]
            if member._value_ & self._value_:
                yield member

    def __len__(self):
        return self._value_.bit_count()

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return "<%s: %r>" % (cls_name, self._value_)
        return "<%s.%s: %r>" % (cls_name, self._name_, self._value_)

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return "%s(%r)" % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def _operand(self, other):
        # The value of `other` for a flag operator: a member of the same flag, or an
        # instance of its data type (`Perm.R | 8` for an `IntFlag`); `None` otherwise.
        if isinstance(other, self.__class__):
            return other._value_
        member_type = self._member_type_
        if member_type is not object and isinstance(other, member_type):
            return other
        return None

    def __or__(self, other):
        value = self._operand(other)
        if value is None:
            return NotImplemented
        return self.__class__(self._value_ | value)

    def __and__(self, other):
        value = self._operand(other)
        if value is None:
            return NotImplemented
        return self.__class__(self._value_ & value)

    def __xor__(self, other):
        value = self._operand(other)
        if value is None:
            return NotImplemented
        return self.__class__(self._value_ ^ value)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        cls = self.__class__
        if getattr(cls, "_boundary_", None) is _KEEP:
            return cls(~self._value_)
        return cls(cls._flag_mask_ ^ self._value_)


class ReprEnum(Enum):
    """An enum whose members' `str()` and `format()` are those of their data type (only
    `repr()` is the enum's)."""


class IntEnum(int, ReprEnum):
    """An enum whose members are ints (and compare, hash and compute as ints)."""


class StrEnum(str, ReprEnum):
    """An enum whose members are strs; `auto()` gives the lower-cased member name."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError("too many arguments for str(): %r" % (values,))
        if len(values) == 1:
            if not isinstance(values[0], str):
                raise TypeError("%r is not a string" % (values[0],))
        if len(values) >= 2:
            if not isinstance(values[1], str):
                raise TypeError("encoding must be a string, not %r" % (values[1],))
        if len(values) == 3:
            if not isinstance(values[2], str):
                raise TypeError("errors must be a string, not %r" % (values[2],))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class IntFlag(int, ReprEnum, Flag, boundary=_KEEP):
    """A flag whose members are ints; values with other bits are kept (`<Perm.R|8: 12>`)."""


def unique(enumeration):
    """Class decorator: `ValueError` when two names of `enumeration` share a value."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ", ".join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration
