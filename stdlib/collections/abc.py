# molt's `collections.abc`, written for molt: the abstract collection classes, their mixin
# methods, and `isinstance`/`issubclass` answers for builtin types and for classes that
# subclass them or define the methods (the subclass hooks). Each public name is an
# `abc._AbstractClass` standing for the real class of the same name: used as a base it is
# replaced by that class, so a subclass's `__mro__` is CPython's.

import abc as _abc
from abc import abstractmethod


def _same(a, b):
    # `a is b` without the runtime's refusal of `is` between equal floats and ints outside
    # the small-int cache (molt keeps them unboxed): two such words are one object here.
    return type(a) is type(b) and id(a) == id(b)


# `C[int]` of the classes CPython makes generic: a `types.GenericAlias`.
_GenericAlias = type(list[int])


class Hashable:
    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        _abc._compute_abstracts(cls)

    def __new__(cls, *args, **kwargs):
        _abc._check_instantiable(cls, args, kwargs)
        return object.__new__(cls)

    @abstractmethod
    def __hash__(self):
        return 0


class Iterable:
    __class_getitem__ = classmethod(_GenericAlias)
    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        _abc._compute_abstracts(cls)

    def __new__(cls, *args, **kwargs):
        _abc._check_instantiable(cls, args, kwargs)
        return object.__new__(cls)

    @abstractmethod
    def __iter__(self):
        while False:
            yield None


class Sized:
    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        _abc._compute_abstracts(cls)

    def __new__(cls, *args, **kwargs):
        _abc._check_instantiable(cls, args, kwargs)
        return object.__new__(cls)

    @abstractmethod
    def __len__(self):
        return 0


class Container:
    __class_getitem__ = classmethod(_GenericAlias)
    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        _abc._compute_abstracts(cls)

    def __new__(cls, *args, **kwargs):
        _abc._check_instantiable(cls, args, kwargs)
        return object.__new__(cls)

    @abstractmethod
    def __contains__(self, x):
        return False


class Callable:
    __slots__ = ()

    @classmethod
    def __class_getitem__(cls, params):
        # `Callable[[arg, ...], result]` or `Callable[..., result]`.
        if not (isinstance(params, tuple) and len(params) == 2):
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if not (isinstance(args, (list, tuple)) or args is ...):
            raise TypeError(
                f"Expected a list of types, an ellipsis, ParamSpec, or Concatenate. Got {args}"
            )
        if isinstance(args, tuple):
            args = list(args)
        return _GenericAlias(cls, (args, result))

    def __init_subclass__(cls, **kwargs):
        _abc._compute_abstracts(cls)

    def __new__(cls, *args, **kwargs):
        _abc._check_instantiable(cls, args, kwargs)
        return object.__new__(cls)

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False


for _root in (Hashable, Iterable, Sized, Container, Callable):
    _abc._compute_abstracts(_root)

Hashable = _abc._AbstractClass(Hashable, ("__hash__",))
Iterable = _abc._AbstractClass(Iterable, ("__iter__",))
Sized = _abc._AbstractClass(Sized, ("__len__",))
Container = _abc._AbstractClass(Container, ("__contains__",))
Callable = _abc._AbstractClass(Callable, ("__call__",))


class Iterator(Iterable):
    __class_getitem__ = classmethod(_GenericAlias)
    __slots__ = ()

    @abstractmethod
    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self


Iterator = _abc._AbstractClass(Iterator, ("__iter__", "__next__"), (Iterable,))


class Reversible(Iterable):
    __class_getitem__ = classmethod(_GenericAlias)
    __slots__ = ()

    @abstractmethod
    def __reversed__(self):
        while False:
            yield None


Reversible = _abc._AbstractClass(Reversible, ("__reversed__", "__iter__"), (Iterable,))


class Generator(Iterator):
    __class_getitem__ = classmethod(_GenericAlias)
    __slots__ = ()

    def __next__(self):
        return self.send(None)

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        raise val

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError("generator ignored GeneratorExit")


Generator = _abc._AbstractClass(
    Generator, ("__iter__", "__next__", "send", "throw", "close"), (Iterator,)
)


class Collection:
    # CPython's `Collection(Sized, Iterable, Container)`: molt classes have one base, so
    # this one declares the three methods itself.
    __class_getitem__ = classmethod(_GenericAlias)
    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        _abc._compute_abstracts(cls)

    def __new__(cls, *args, **kwargs):
        _abc._check_instantiable(cls, args, kwargs)
        return object.__new__(cls)

    @abstractmethod
    def __len__(self):
        return 0

    @abstractmethod
    def __iter__(self):
        while False:
            yield None

    @abstractmethod
    def __contains__(self, x):
        return False


_abc._compute_abstracts(Collection)
Collection = _abc._AbstractClass(
    Collection, ("__len__", "__iter__", "__contains__"), (Sized, Iterable, Container)
)


class Set(Collection):
    __class_getitem__ = classmethod(_GenericAlias)
    __slots__ = ()

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) > len(other):
            return False
        for elem in self:
            if elem not in other:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) < len(other):
            return False
        for elem in other:
            if elem not in self:
                return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(value for value in other if value in self)

    __rand__ = __and__

    def isdisjoint(self, other):
        for value in other:
            if value in self:
                return False
        return True

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        chain = [e for s in (self, other) for e in s]
        return self._from_iterable(chain)

    __ror__ = __or__

    def __sub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in self if value not in other)

    def __rsub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in other if value not in self)

    def __xor__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return (self - other) | (other - self)

    __rxor__ = __xor__


Set = _abc._AbstractClass(Set, None, (Collection,))


class MutableSet(Set):
    __class_getitem__ = classmethod(_GenericAlias)
    __slots__ = ()

    @abstractmethod
    def add(self, value):
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        raise NotImplementedError

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in self - it:
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
        else:
            if not isinstance(it, Set):
                it = self._from_iterable(it)
            for value in it:
                if value in self:
                    self.discard(value)
                else:
                    self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
        else:
            for value in it:
                self.discard(value)
        return self


MutableSet = _abc._AbstractClass(MutableSet, None, (Set,))


class Mapping(Collection):
    __class_getitem__ = classmethod(_GenericAlias)
    __slots__ = ()

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        else:
            return True

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __reversed__ = None


Mapping = _abc._AbstractClass(Mapping, None, (Collection,))


class MappingView(Sized):

    __class_getitem__ = classmethod(_GenericAlias)
    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._mapping)


MappingView = _abc._AbstractClass(MappingView, None, (Sized,))


class KeysView(Set):
    # CPython's `KeysView(MappingView, Set)`: one base here, MappingView's methods copied.
    __class_getitem__ = classmethod(_GenericAlias)
    __init__ = MappingView._cls.__init__
    __len__ = MappingView._cls.__len__
    __repr__ = MappingView._cls.__repr__

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        for key in self._mapping:
            yield key


KeysView = _abc._AbstractClass(KeysView, None, (MappingView, Set))


class ItemsView(Set):
    # CPython's `ItemsView(MappingView, Set)`.
    __class_getitem__ = classmethod(_GenericAlias)
    __init__ = MappingView._cls.__init__
    __len__ = MappingView._cls.__len__
    __repr__ = MappingView._cls.__repr__

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        else:
            return _same(v, value) or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


ItemsView = _abc._AbstractClass(ItemsView, None, (MappingView, Set))


class ValuesView(MappingView):
    # CPython's `ValuesView(MappingView, Collection)`.

    __class_getitem__ = classmethod(_GenericAlias)
    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if _same(v, value) or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


ValuesView = _abc._AbstractClass(ValuesView, None, (MappingView, Collection))

_MARKER = object()


class MutableMapping(Mapping):
    __class_getitem__ = classmethod(_GenericAlias)
    __slots__ = ()

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    def pop(self, key, default=_MARKER):
        try:
            value = self[key]
        except KeyError:
            if default is _MARKER:
                raise
            return default
        else:
            del self[key]
            return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), **kwds):
        if isinstance(other, Mapping):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


MutableMapping = _abc._AbstractClass(MutableMapping, None, (Mapping,))


class Sequence(Collection):
    # CPython's `Sequence(Reversible, Collection)`.
    __class_getitem__ = classmethod(_GenericAlias)
    __slots__ = ()

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        while True:
            try:
                v = self[i]
            except IndexError:
                return
            yield v
            i += 1

    def __contains__(self, value):
        for v in self:
            if _same(v, value) or v == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if _same(v, value) or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum(1 for v in self if _same(v, value) or v == value)


Sequence = _abc._AbstractClass(Sequence, None, (Reversible, Collection))


class MutableSequence(Sequence):
    __class_getitem__ = classmethod(_GenericAlias)
    __slots__ = ()

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        raise IndexError

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


MutableSequence = _abc._AbstractClass(MutableSequence, None, (Sequence,))

Set.register(frozenset)
MutableSet.register(set)
KeysView.register(type({}.keys()))
ValuesView.register(type({}.values()))
ItemsView.register(type({}.items()))
MutableMapping.register(dict)
Sequence.register(tuple)
Sequence.register(str)
Sequence.register(range)
MutableSequence.register(list)


def _function():
    pass


class _Method:
    def method(self):
        pass


# molt's builtin callables do not list `__call__` in their type's `__dict__`.
for _callable_type in (type(len), type, type(_function), type(_Method().method)):
    Callable.register(_callable_type)
Hashable._hook_exclude = (type({}.keys()), type({}.items()))
