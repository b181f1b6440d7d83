# molt's `collections`, written for molt: `deque`, `defaultdict`, `Counter`, `OrderedDict`,
# `ChainMap` and `namedtuple`. `defaultdict`, `Counter` and `OrderedDict` are subclasses of
# `dict`, as in CPython; their reprs, messages and iteration orders are CPython's
# (docs/stdlib.md lists what still differs).

from . import abc
import _molt


# `C[int]` of the classes CPython makes generic: a `types.GenericAlias`.
_GenericAlias = type(list[int])


def _same(a, b):
    # `a is b` without the runtime's refusal of `is` between equal floats and ints outside
    # the small-int cache (molt keeps them unboxed): two such words are one object here.
    return type(a) is type(b) and id(a) == id(b)


def _name(obj):
    return type(obj).__name__


class deque:
    # The items are `_items[_head:]`, oldest first. `popleft` leaves a `None` hole in front
    # instead of shifting the list (the holes go when they are most of the list, or when a
    # method needs the list without them: `_live`), and `appendleft` fills holes, making room
    # in front of the list (as many holes as items) when there is none; so both ends cost
    # O(1) amortized, as CPython's block list does. `_state` counts mutations so that an
    # iterator can tell that the deque changed under it.

    __class_getitem__ = classmethod(_GenericAlias)
    def __hash__(self):
        raise TypeError("unhashable type: 'collections.deque'")

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError(
                    "'%s' object cannot be interpreted as an integer" % _name(maxlen)
                )
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._items = []
        self._head = 0
        self._maxlen = maxlen
        self._state = 0
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def _live(self):
        # The list of the items, without the holes in front.
        if self._head:
            del self._items[: self._head]
            self._head = 0
        return self._items

    def _drop_first(self):
        # Releases the oldest item, leaving a hole (see the class comment).
        items = self._items
        head = self._head
        items[head] = None
        head += 1
        if head == len(items):
            items.clear()
            head = 0
        elif head >= 16 and head * 4 > len(items) * 3:
            del items[:head]
            head = 0
        self._head = head

    def append(self, x):
        self._state += 1
        if self._maxlen == 0:
            return
        self._items.append(x)
        if self._maxlen is not None and len(self._items) - self._head > self._maxlen:
            self._drop_first()

    def appendleft(self, x):
        self._state += 1
        if self._maxlen == 0:
            return
        if not self._head:
            room = max(8, len(self._items))
            self._items[0:0] = [None] * room
            self._head = room
        self._head -= 1
        self._items[self._head] = x
        if self._maxlen is not None and len(self._items) - self._head > self._maxlen:
            self._items.pop()

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def pop(self):
        items = self._items
        if len(items) == self._head:
            raise IndexError("pop from an empty deque")
        self._state += 1
        x = items.pop()
        if len(items) == self._head:
            items.clear()
            self._head = 0
        return x

    def popleft(self):
        if len(self._items) == self._head:
            raise IndexError("pop from an empty deque")
        self._state += 1
        x = self._items[self._head]
        self._drop_first()
        return x

    def clear(self):
        self._state += 1
        self._head = 0
        self._items.clear()

    def copy(self):
        return self.__class__(self, self._maxlen)

    __copy__ = copy

    def count(self, x):
        state = self._state
        n = 0
        for item in self._live():
            if _same(item, x) or item == x:
                n += 1
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        return n

    def index(self, x, start=0, stop=None):
        items = self._live()
        n = len(items)
        if stop is None or stop > n:
            stop = n
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        state = self._state
        for i in range(start, stop):
            item = items[i]
            if _same(item, x) or item == x:
                return i
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        raise ValueError("%r is not in deque" % (x,))

    def insert(self, i, x):
        items = self._live()
        if self._maxlen is not None and len(items) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        self._state += 1
        items.insert(i, x)

    def remove(self, value):
        items = self._live()
        state = self._state
        for i in range(len(items)):
            item = items[i]
            found = _same(item, value) or bool(item == value)
            if state != self._state:
                raise IndexError("deque mutated during iteration")
            if found:
                self._state += 1
                del self._live()[i]
                return
        raise ValueError("%r is not in deque" % (value,))

    def reverse(self):
        self._state += 1
        self._live().reverse()

    def rotate(self, n=1):
        items = self._live()
        length = len(items)
        if length <= 1:
            return
        n %= length
        if n:
            self._state += 1
            items[:] = items[-n:] + items[:-n]

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self._items) > self._head

    def _index(self, i):
        if not isinstance(i, int):
            raise TypeError(
                "sequence index must be integer, not '%s'" % _name(i)
            )
        if not -(1 << 63) <= i < 1 << 63:
            raise IndexError("cannot fit 'int' into an index-sized integer")
        n = len(self._items) - self._head
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("deque index out of range")
        return i

    def __getitem__(self, i):
        return self._items[self._head + self._index(i)]

    def __setitem__(self, i, x):
        self._items[self._head + self._index(i)] = x

    def __delitem__(self, i):
        i = self._index(i)
        self._state += 1
        del self._live()[i]

    def __contains__(self, x):
        state = self._state
        for item in self._live():
            if _same(item, x) or item == x:
                return True
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        return False

    def __iter__(self):
        state = self._state
        items = self._items
        i = self._head
        while i < len(items):
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
            yield items[i]
            i += 1
        if state != self._state:
            raise RuntimeError("deque mutated during iteration")

    def __reversed__(self):
        state = self._state
        items = self._items
        i = len(items) - 1
        while i >= self._head:
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
            yield items[i]
            i -= 1

    def __repr__(self):
        if _repr_running(self):
            return "[...]"
        _repr_enter(self)
        try:
            body = repr(self._live())
        finally:
            _repr_leave(self)
        if self._maxlen is None:
            return "%s(%s)" % (_name(self), body)
        return "%s(%s, maxlen=%d)" % (_name(self), body, self._maxlen)

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._live() == other._live()

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._live() != other._live()

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._live() < other._live()

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._live() <= other._live()

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._live() > other._live()

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._live() >= other._live()

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(
                'can only concatenate deque (not "%s") to deque' % _name(other)
            )
        result = self.copy()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        result = self.__class__((), self._maxlen)
        for _ in range(n):
            result.extend(self._live())
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        items = list(self._live())
        self.clear()
        for _ in range(n):
            self.extend(items)
        return self


_repr_active = []


def _repr_running(obj):
    for other in _repr_active:
        if other is obj:
            return True
    return False


def _repr_enter(obj):
    _repr_active.append(obj)


def _repr_leave(obj):
    for i in range(len(_repr_active) - 1, -1, -1):
        if _repr_active[i] is obj:
            del _repr_active[i]
            return


# The default of `OrderedDict.pop` (`_MISSING` is rebound below, for `namedtuple`).
_NO_DEFAULT = object()

# dict's methods, read once: the mapping classes below call them on themselves (a
# subclass's overrides are called where CPython's C code calls them).
_dict_contains = dict.__contains__
_dict_len = dict.__len__
_dict_setitem = dict.__setitem__
_dict_clear = dict.clear
_dict_items = dict.items
_dict_keys = dict.keys
_dict_pop = dict.pop
_dict_popitem = dict.popitem
_dict_update = dict.update
_dict_values = dict.values


def _is_mapping(obj):
    # `isinstance(obj, collections.abc.Mapping)`, with the common case first.
    return isinstance(obj, dict) or isinstance(obj, abc.Mapping)


class defaultdict(dict):
    # A `dict` whose `__missing__` stores and returns `default_factory()`. The factory is a
    # slot, as CPython's member: the instances have no `__dict__`.

    __slots__ = ("default_factory",)
    __class_getitem__ = classmethod(_GenericAlias)

    def __hash__(self):
        raise TypeError("unhashable type: 'collections.defaultdict'")

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        self[key] = value
        return value

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        factory = self.default_factory
        args = () if factory is None else (factory,)
        return (type(self), args, None, None, iter(self.items()))

    def __repr__(self):
        body = dict.__repr__(self)
        factory = self.default_factory
        if factory is None:
            shown = "None"
        elif _repr_running(factory):
            shown = "..."
        else:
            _repr_enter(factory)
            try:
                shown = repr(factory)
            finally:
                _repr_leave(factory)
        return "%s(%s, %s)" % (_name(self), shown, body)

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self.default_factory, self)
        _dict_update(result, other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self.default_factory, other)
        _dict_update(result, self)
        return result


def _count_of(item):
    return item[1]


class Counter(dict):
    # A `dict` of counts: missing elements count 0 (without being stored).

    __class_getitem__ = classmethod(_GenericAlias)

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        ordered = sorted(self.items(), key=_count_of, reverse=True)
        if n is None:
            return ordered
        return ordered[: max(n, 0)]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead."
        )

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if _is_mapping(iterable):
                if self:
                    self_get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + self_get(elem, 0)
                else:
                    _dict_update(self, iterable)
            elif not self and type(self) is Counter:
                # An empty exact Counter counts in a plain dict, then takes its items (in
                # the order first seen, also when the iterable raises).
                counts = {}
                counts_get = counts.get
                try:
                    for elem in iterable:
                        counts[elem] = counts_get(elem, 0) + 1
                finally:
                    _dict_update(self, counts)
            else:
                self_get = self.get
                for elem in iterable:
                    self[elem] = self_get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            self_get = self.get
            if _is_mapping(iterable):
                for elem, count in iterable.items():
                    self[elem] = self_get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __repr__(self):
        if not self:
            return "%s()" % _name(self)
        try:
            shown = dict(self.most_common())
        except TypeError:
            shown = dict(self)
        if _repr_running(self):
            return "%s({...})" % _name(self)
        _repr_enter(self)
        try:
            return "%s(%r)" % (_name(self), shown)
        finally:
            _repr_leave(self)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            del self[elem]
        return self

    # The in-place forms take any mapping (`other.items()`), as CPython's do.
    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


def _od_update(od, other, kwds):
    # CPython's `MutableMapping.update` of an OrderedDict: item by item through
    # `od[key] = value` (a subclass's `__setitem__` is honoured).
    if isinstance(other, dict):
        for key, value in _dict_items(other) if type(other) is dict else other.items():
            od[key] = value
    elif hasattr(other, "keys"):
        for key in other.keys():
            od[key] = other[key]
    else:
        for pair in other:
            key, value = pair
            od[key] = value
    for key, value in kwds.items():
        od[key] = value


class OrderedDict(dict):
    # The dict's own insertion order is the order: `move_to_end(key)` re-inserts the key,
    # `move_to_end(key, last=False)` rebuilds the dict (O(n)).

    __class_getitem__ = classmethod(_GenericAlias)

    def __hash__(self):
        raise TypeError("unhashable type: 'collections.OrderedDict'")

    def __init__(self, other=(), /, **kwds):
        _od_update(self, other, kwds)

    def update(self, other=(), /, **kwds):
        _od_update(self, other, kwds)

    def popitem(self, last=True):
        if not _dict_len(self):
            raise KeyError("dictionary is empty")
        if type(self) is OrderedDict:
            if last:
                return _dict_popitem(self)
            key = next(iter(_dict_keys(self)))
            return (key, _dict_pop(self, key))
        # A subclass's `__getitem__` and `__delitem__` are honoured, as in CPython.
        if last:
            key = next(reversed(_dict_keys(self)))
        else:
            key = next(iter(_dict_keys(self)))
        value = self[key]
        del self[key]
        return (key, value)

    def move_to_end(self, key, last=True):
        value = _dict_pop(self, key)
        if last:
            _dict_setitem(self, key, value)
            return
        rest = list(_dict_items(self))
        _dict_clear(self)
        _dict_setitem(self, key, value)
        _dict_update(self, rest)

    def pop(self, key, default=_NO_DEFAULT):
        if _dict_contains(self, key):
            value = self[key]
            del self[key]
            return value
        if default is _NO_DEFAULT:
            raise KeyError(key)
        return default

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def keys(self):
        return odict_keys(self)

    def values(self):
        return odict_values(self)

    def items(self):
        return odict_items(self)

    def copy(self):
        result = type(self)()
        for key in _dict_keys(self):
            result[key] = self[key]
        return result

    def __reduce__(self):
        state = getattr(self, "__dict__", None) or None
        return (type(self), (), state, None, iter(self.items()))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(_dict_keys(self)) == list(_dict_keys(other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        if isinstance(other, OrderedDict):
            return not self.__eq__(other)
        return dict.__ne__(self, other)

    def __repr__(self):
        if _repr_running(self):
            return "..."
        if not self:
            return "%s()" % _name(self)
        _repr_enter(self)
        try:
            return "%s(%r)" % (_name(self), list(self.items()))
        finally:
            _repr_leave(self)

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self)
        _od_update(result, other, {})
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(other)
        _od_update(result, self, {})
        return result

    def __ior__(self, other):
        _od_update(self, other, {})
        return self


class _OrderedView:
    # The views of an OrderedDict: the dict's own views under CPython's names; the set
    # operations of keys and items are those of the dict's views.

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return _dict_len(self._mapping)

    def __repr__(self):
        return "%s(%r)" % (_name(self), list(self))

    @property
    def mapping(self):
        return self._view().mapping


class _OrderedSetView(_OrderedView):
    def __eq__(self, other):
        if isinstance(other, _OrderedSetView):
            other = other._view()
        return self._view() == other

    def __ne__(self, other):
        if isinstance(other, _OrderedSetView):
            other = other._view()
        return self._view() != other

    def __and__(self, other):
        return self._view() & other

    def __rand__(self, other):
        return other & self._view()

    def __or__(self, other):
        return self._view() | other

    def __ror__(self, other):
        return other | self._view()

    def __sub__(self, other):
        return self._view() - other

    def __rsub__(self, other):
        return other - self._view()

    def __xor__(self, other):
        return self._view() ^ other

    def __rxor__(self, other):
        return other ^ self._view()

    def isdisjoint(self, other):
        return self._view().isdisjoint(other)

    __hash__ = None


class odict_keys(_OrderedSetView):
    def _view(self):
        return _dict_keys(self._mapping)

    def __iter__(self):
        return iter(_dict_keys(self._mapping))

    def __reversed__(self):
        return reversed(_dict_keys(self._mapping))

    def __contains__(self, key):
        return _dict_contains(self._mapping, key)


class odict_values(_OrderedView):
    def _view(self):
        return _dict_values(self._mapping)

    def __iter__(self):
        return iter(_dict_values(self._mapping))

    def __reversed__(self):
        return reversed(_dict_values(self._mapping))


class odict_items(_OrderedSetView):
    def _view(self):
        return _dict_items(self._mapping)

    def __iter__(self):
        return iter(_dict_items(self._mapping))

    def __reversed__(self):
        return reversed(_dict_items(self._mapping))

    def __contains__(self, item):
        return item in _dict_items(self._mapping)


class ChainMap(abc.MutableMapping):
    __class_getitem__ = classmethod(_GenericAlias)
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        seen = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                seen[key] = None
        return iter(seen)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        if _repr_running(self):
            return "..."
        _repr_enter(self)
        try:
            return "%s(%s)" % (_name(self), ", ".join(map(repr, self.maps)))
        finally:
            _repr_leave(self)

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError("Key not found in the first mapping: %r" % (key,))

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.")

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError("Key not found in the first mapping: %r" % (key,))

    def clear(self):
        self.maps[0].clear()

    def __or__(self, other):
        if not isinstance(other, abc.Mapping):
            return NotImplemented
        result = self.copy()
        result.maps[0].update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, abc.Mapping):
            return NotImplemented
        merged = dict(other)
        for child in reversed(self.maps):
            merged.update(child)
        return self.__class__(merged)

    def __ior__(self, other):
        self.maps[0].update(other)
        return self


abc.MutableSequence.register(deque)
abc.Hashable._hook_exclude = abc.Hashable._hook_exclude + (deque, defaultdict, OrderedDict)
abc.KeysView.register(odict_keys)
abc.ValuesView.register(odict_values)
abc.ItemsView.register(odict_items)


# --- namedtuple ----------------------------------------------------------------------------
#
# molt has no `exec`, so the class is assembled from closures: `__new__` binds its
# arguments itself, with the messages CPython's generated signature
# `__new__(_cls, <fields>)` would give.

# `keyword.kwlist` of CPython 3.11: names a namedtuple refuses.
_KEYWORDS = frozenset(
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break",
        "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
        "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield",
    ]
)


class _tuplegetter:
    # The field descriptor: item `index` of the tuple, read-only.

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj[self._index]

    def __set__(self, obj, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, obj):
        raise AttributeError("can't delete attribute")

    def __repr__(self):
        return "_tuplegetter(%d, %r)" % (self._index, self.__doc__)


_tuplegetter.__module__ = "_collections"


def _quoted_list(names):
    # 'a'; 'a' and 'b'; 'a', 'b', and 'c' (CPython's wording for missing arguments).
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + " and " + quoted[1]
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def _check_names(typename, field_names, rename):
    if rename:
        taken = set()
        for i, name in enumerate(field_names):
            bad = (
                not name.isidentifier()
                or name in _KEYWORDS
                or name.startswith("_")
                or name in taken
            )
            if bad:
                field_names[i] = "_%d" % i
            taken.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: %r" % (name,))
        if name in _KEYWORDS:
            raise ValueError("Type names and field names cannot be a keyword: %r" % (name,))
    taken = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: %r" % (name,))
        if name in taken:
            raise ValueError("Encountered duplicate field name: %r" % (name,))
        taken.add(name)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = [str(n) for n in field_names]
    typename = str(typename)
    _check_names(typename, field_names, rename)
    fields = tuple(field_names)
    nfields = len(fields)
    field_defaults = {}
    default_values = ()
    if defaults is not None:
        default_values = tuple(defaults)
        if len(default_values) > nfields:
            raise TypeError("Got more default values than field names")
        first = nfields - len(default_values)
        for i in range(len(default_values)):
            field_defaults[fields[first + i]] = default_values[i]
    ndefaults = len(default_values)
    tuple_new = tuple.__new__
    new_name = typename + ".__new__"

    def __new__(_cls, *args, **kwargs):
        values = list(args[:nfields])
        for i in range(len(values), nfields):
            values.append(_MISSING)
        for key in kwargs:
            if key not in fields:
                raise TypeError("%s() got an unexpected keyword argument '%s'" % (new_name, key))
            i = fields.index(key)
            if values[i] is not _MISSING:
                raise TypeError("%s() got multiple values for argument '%s'" % (new_name, key))
            values[i] = kwargs[key]
        if len(args) > nfields:
            low = nfields + 1 - ndefaults
            if ndefaults:
                takes = "from %d to %d positional arguments" % (low, nfields + 1)
            else:
                takes = "%d positional argument%s" % (nfields + 1, "" if nfields == 0 else "s")
            raise TypeError(
                "%s() takes %s but %d %s given"
                % (new_name, takes, len(args) + 1, "was" if len(args) == 0 else "were")
            )
        missing = []
        for i in range(nfields):
            if values[i] is _MISSING:
                if i >= nfields - ndefaults:
                    values[i] = default_values[i - (nfields - ndefaults)]
                else:
                    missing.append(fields[i])
        if missing:
            raise TypeError(
                "%s() missing %d required positional argument%s: %s"
                % (new_name, len(missing), "" if len(missing) == 1 else "s", _quoted_list(missing))
            )
        return tuple_new(_cls, values)

    def _make(cls, iterable):
        result = tuple_new(cls, iterable)
        if len(result) != nfields:
            raise TypeError("Expected %d arguments, got %d" % (nfields, len(result)))
        return result

    def _replace(self, /, **kwds):
        values = []
        for i in range(nfields):
            values.append(kwds.pop(fields[i], self[i]))
        if kwds:
            raise ValueError("Got unexpected field names: %r" % (list(kwds),))
        return self._make(values)

    def __repr__(self):
        parts = []
        for i in range(nfields):
            parts.append("%s=%r" % (fields[i], self[i]))
        return self.__class__.__name__ + "(" + ", ".join(parts) + ")"

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    for f, name in [
        (__new__, "__new__"),
        (_make, "_make"),
        (_replace, "_replace"),
        (__repr__, "__repr__"),
        (_asdict, "_asdict"),
        (__getnewargs__, "__getnewargs__"),
    ]:
        f.__qualname__ = typename + "." + name
    __new__.__doc__ = "Create new instance of %s(%s)" % (typename, ", ".join(fields))
    _make.__doc__ = "Make a new %s object from a sequence or iterable" % (typename,)
    _replace.__doc__ = "Return a new %s object replacing specified fields with new values" % (
        typename,
    )
    __repr__.__doc__ = "Return a nicely formatted representation string"
    _asdict.__doc__ = "Return a new dict which maps field names to their values."
    __getnewargs__.__doc__ = "Return self as a plain tuple.  Used by copy and pickle."
    namespace = {
        "__doc__": "%s(%s)" % (typename, ", ".join(fields)),
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__new__": __new__,
        "_make": classmethod(_make),
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": fields,
    }
    for i in range(nfields):
        namespace[fields[i]] = _tuplegetter(i, "Alias for field number %d" % i)
    if module is None:
        # CPython: the module of the code that called namedtuple().
        module = _molt.caller_module(1)
    namespace["__module__"] = module
    namespace["__qualname__"] = typename
    return type(typename, (tuple,), namespace)


class _Missing:
    pass


_MISSING = _Missing()
