# molt's `enum`, written for molt (not CPython's code): `Enum`, `Flag`, `auto`, `unique`
# and the metaclass `EnumType` (also `EnumMeta`). An enum class body runs in an
# `_EnumDict` (from `EnumType.__prepare__`), which records the members in definition order
# and refuses to redefine a name; `EnumType.__new__` then creates the class and its members.
# `IntEnum`, `StrEnum` and `IntFlag` are classes with two bases (`int` or `str`, and the
# enum base), and molt has no multiple inheritance yet: they are not provided
# (compile-time errors).


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
    # The enum class the new class derives from, if any (molt classes have one base).
    for base in bases:
        if isinstance(base, EnumType):
            return base
    return None


def _check_no_members(cls_name, bases):
    for base in bases:
        for klass in base.__mro__:
            if isinstance(klass, EnumType) and klass._member_names_:
                raise TypeError("<enum %r> cannot extend %r" % (cls_name, klass))


class EnumType(type):
    """The metaclass of enumerations."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        _check_no_members(cls, bases)
        first_enum = _find_enum_base(bases)
        generate = None
        if first_enum is not None:
            generate = first_enum._generate_next_value_
        return _EnumDict(cls, generate)

    def __new__(metacls, cls, bases, classdict, **kwds):
        if not isinstance(classdict, _EnumDict):
            raise NotImplementedError(
                "molt: creating an enum class without its class statement is not supported yet"
            )
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
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
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
                member = object.__new__(enum_class)
            else:
                member = new_member(enum_class, *args)
            if "_value_" not in member.__dict__:
                member._value_ = value
            member._name_ = name
            member.__init__(*args)
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
        return cls.__new__(cls, value)

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
Flag = None


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
        if value < 0:
            value = cls._all_bits_ + 1 + value
        if value < 0 or value & ~flag_mask:
            width = max(value.bit_length(), flag_mask.bit_length())
            raise ValueError(
                "%r invalid value %r\n    given %s\n  allowed %s"
                % (cls, value, _bits(value, width), _bits(flag_mask, width))
            )
        pseudo = cls._value2member_map_.get(value)
        if pseudo is not None:
            return pseudo
        pseudo = object.__new__(cls)
        pseudo._value_ = value
        if value:
            names = [
                name for name in cls._member_names_
                if cls._member_map_[name]._value_ & value
            ]
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

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return self.__class__(self.__class__._flag_mask_ ^ self._value_)


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
