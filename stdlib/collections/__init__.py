# molt's `collections`, written for molt: `deque`, `defaultdict`, `Counter`, `OrderedDict`,
# `ChainMap` and `namedtuple`. The mapping classes were written before molt could
# instantiate subclasses of `dict`: they keep their items in a plain dict (`_data`) and
# forward to it; their reprs, messages and iteration orders are CPython's (docs/stdlib.md
# lists what still differs).

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


_MISSING = object()


class _DictBase:
    # The mapping methods every dict-like class here forwards to `_data`.

    __hash__ = None

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __reversed__(self):
        return reversed(self._data)

    def __contains__(self, key):
        return key in self._data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def pop(self, key, default=_MISSING):
        if default is _MISSING:
            return self._data.pop(key)
        return self._data.pop(key, default)

    def popitem(self):
        return self._data.popitem()

    def clear(self):
        self._data.clear()

    def update(self, other=(), **kwargs):
        if isinstance(other, _DictBase):
            other = other._data
        self._data.update(other, **kwargs)

    def __eq__(self, other):
        if isinstance(other, _DictBase):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    def __or__(self, other):
        if not isinstance(other, (dict, _DictBase)):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, (dict, _DictBase)):
            return NotImplemented
        result = self.copy()
        result._data = dict(other)
        result.update(self)
        return result

    def __ior__(self, other):
        self.update(other)
        return self

    def _dict_repr(self):
        if _repr_running(self):
            return "{...}"
        _repr_enter(self)
        try:
            return repr(self._data)
        finally:
            _repr_leave(self)


class defaultdict(_DictBase):
    __class_getitem__ = classmethod(_GenericAlias)
    def __hash__(self):
        raise TypeError("unhashable type: 'collections.defaultdict'")

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        self._data = dict(*args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def copy(self):
        return self.__class__(self.default_factory, self._data)

    __copy__ = copy

    def __repr__(self):
        if self.default_factory is None:
            factory = "None"
        elif _repr_running(self.default_factory):
            factory = "..."
        else:
            factory = repr(self.default_factory)
        return "%s(%s, %s)" % (_name(self), factory, self._dict_repr())


class Counter(_DictBase):
    __class_getitem__ = classmethod(_GenericAlias)
    def __init__(self, iterable=None, **kwds):
        self._data = {}
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def __delitem__(self, key):
        if key in self._data:
            del self._data[key]

    def total(self):
        return sum(self._data.values())

    def most_common(self, n=None):
        ordered = sorted(self._data.items(), key=_count_of, reverse=True)
        if n is None:
            return ordered
        return ordered[: max(n, 0)]

    def elements(self):
        for elem, count in self._data.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead."
        )

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, (dict, _DictBase)):
                for elem, count in iterable.items():
                    self._data[elem] = self._data.get(elem, 0) + count
            else:
                for elem in iterable:
                    self._data[elem] = self._data.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, (dict, _DictBase)):
                for elem, count in iterable.items():
                    self._data[elem] = self._data.get(elem, 0) - count
            else:
                for elem in iterable:
                    self._data[elem] = self._data.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    def __repr__(self):
        if not self._data:
            return "%s()" % _name(self)
        try:
            shown = dict(self.most_common())
        except TypeError:
            shown = dict(self._data)
        if _repr_running(self):
            return "%s({...})" % _name(self)
        _repr_enter(self)
        try:
            return "%s(%r)" % (_name(self), shown)
        finally:
            _repr_leave(self)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return _DictBase.__eq__(self, other)
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

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
        for elem, count in self._data.items():
            total = count + other[elem]
            if total > 0:
                result._data[elem] = total
        for elem, count in other._data.items():
            if elem not in self._data and count > 0:
                result._data[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self._data.items():
            diff = count - other[elem]
            if diff > 0:
                result._data[elem] = diff
        for elem, count in other._data.items():
            if elem not in self._data and count < 0:
                result._data[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self._data.items():
            other_count = other[elem]
            best = other_count if count < other_count else count
            if best > 0:
                result._data[elem] = best
        for elem, count in other._data.items():
            if elem not in self._data and count > 0:
                result._data[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self._data.items():
            other_count = other[elem]
            least = count if count < other_count else other_count
            if least > 0:
                result._data[elem] = least
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self._data.items():
            if count > 0:
                result._data[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self._data.items():
            if count < 0:
                result._data[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [e for e, c in self._data.items() if not c > 0]:
            del self._data[elem]
        return self

    def __iadd__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for elem, count in other._data.items():
            self._data[elem] = self._data.get(elem, 0) + count
        return self._keep_positive()

    def __isub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for elem, count in other._data.items():
            self._data[elem] = self._data.get(elem, 0) - count
        return self._keep_positive()

    def __ior__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for elem, other_count in other._data.items():
            count = self._data.get(elem, 0)
            if other_count > count:
                self._data[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        for elem, count in self._data.items():
            other_count = other[elem]
            if other_count < count:
                self._data[elem] = other_count
        return self._keep_positive()


def _count_of(item):
    return item[1]


class OrderedDict(_DictBase):
    __class_getitem__ = classmethod(_GenericAlias)
    def __hash__(self):
        raise TypeError("unhashable type: 'collections.OrderedDict'")

    def __init__(self, other=(), **kwargs):
        self._data = {}
        self.update(other, **kwargs)

    def popitem(self, last=True):
        if not self._data:
            raise KeyError("dictionary is empty")
        if last:
            return self._data.popitem()
        key = next(iter(self._data))
        return (key, self._data.pop(key))

    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
            return
        rest = list(self._data.items())
        self._data.clear()
        self._data[key] = value
        for k, v in rest:
            self._data[k] = v

    def keys(self):
        return odict_keys(self)

    def values(self):
        return odict_values(self)

    def items(self):
        return odict_items(self)

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        result = cls()
        for key in iterable:
            result[key] = value
        return result

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return self._data == other._data and list(self._data) == list(other._data)
        return _DictBase.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    def __repr__(self):
        if not self._data:
            return "%s()" % _name(self)
        if _repr_running(self):
            return "..."
        _repr_enter(self)
        try:
            return "%s(%r)" % (_name(self), list(self._data.items()))
        finally:
            _repr_leave(self)


class _OrderedView:
    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping._data)

    def __repr__(self):
        return "%s(%r)" % (_name(self), list(self))


class odict_keys(_OrderedView):
    def __iter__(self):
        return iter(self._mapping._data.keys())

    def __reversed__(self):
        return reversed(self._mapping._data.keys())

    def __contains__(self, key):
        return key in self._mapping._data


class odict_values(_OrderedView):
    def __iter__(self):
        return iter(self._mapping._data.values())

    def __reversed__(self):
        return reversed(self._mapping._data.values())


class odict_items(_OrderedView):
    def __iter__(self):
        return iter(self._mapping._data.items())

    def __reversed__(self):
        return reversed(self._mapping._data.items())

    def __contains__(self, item):
        return item in self._mapping._data.items()


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
abc.MutableMapping.register(_DictBase)
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
