from collections import ChainMap, Counter, OrderedDict, defaultdict, deque
from collections.abc import (Callable, Collection, Container, Generator, Hashable, ItemsView,
                             Iterable, Iterator, KeysView, Mapping, MutableMapping,
                             MutableSequence, MutableSet, Reversible, Sequence, Set, Sized,
                             ValuesView)
import collections.abc
import collections


def gen():
    yield 1


ABCS = [Callable, Collection, Container, Generator, Hashable, ItemsView, Iterable, Iterator,
        KeysView, Mapping, MutableMapping, MutableSequence, MutableSet, Reversible, Sequence,
        Set, Sized, ValuesView]
VALUES = [1, 1.5, "s", [1], (1,), {1: 2}, {1}, frozenset(), range(3), iter([1]), gen(), len,
          None, {}.keys(), {}.items(), {}.values(), deque(), Counter(), OrderedDict(),
          defaultdict(), ChainMap(), reversed([1]), zip(), True]
for v in VALUES:
    print(type(v).__name__, [a.__name__ for a in ABCS if isinstance(v, a)])


class Bag:
    def __init__(self, items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __iter__(self):
        return iter(self.items)

    def __contains__(self, x):
        return x in self.items


class Window(deque):
    pass


print(isinstance(Window(), Hashable), isinstance(Window(), MutableSequence))


class Frozen:
    __hash__ = None


print(isinstance(Bag([]), Collection), isinstance(Bag([]), Sized), isinstance(Bag([]), Sequence))
print(isinstance(Frozen(), Hashable), issubclass(Bag, Iterable), issubclass(int, Hashable))


class Squares(Sequence):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i < 0 or i >= self.n:
            raise IndexError(i)
        return i * i


s = Squares(5)
print(list(s), 9 in s, 10 in s, s.index(9), s.count(4), list(reversed(s)))
print(isinstance(s, Sequence), isinstance(s, MutableSequence), isinstance(s, Reversible))
print(Squares.__mro__[1], Squares.__bases__, type(s).__name__)


class Registry(MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


r = Registry()
r.update({"a": 1}, b=2)
print(r.setdefault("c", 3), r.get("z"), r.pop("a"), "b" in r, dict(r), r == {"b": 2, "c": 3})
print(list(r.keys()), list(r.items()), list(r.values()), r.popitem(), len(r))
print(r.keys() & {"c", "q"}, sorted(r.keys() | {"d"}), r.items() == {("c", 3)})


class Bad(Mapping):
    def __len__(self):
        return 0


try:
    Bad()
except TypeError as e:
    print("TypeError:", e)
try:
    Sized()
except TypeError as e:
    print("TypeError:", e)
print(Mapping, collections.abc.Sequence, collections.abc.Iterable is Iterable, collections.abc.Set)
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(set, Set), issubclass(str, MutableSequence))
try:
    issubclass(1, Iterable)
except TypeError as e:
    print("TypeError:", e)
MutableSet()
