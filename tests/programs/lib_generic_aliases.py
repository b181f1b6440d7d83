# The standard classes CPython makes generic give a types.GenericAlias when subscripted
# (annotations such as deque[int] or Iterable[str]); other classes raise CPython's TypeError.
import collections
import collections.abc as cabc
import contextlib
import dataclasses
import functools
import itertools
from collections import Counter, OrderedDict, defaultdict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence

print(deque[int], defaultdict[str, int], Counter[str], OrderedDict[str, int])
print(collections.ChainMap[str, int], Iterable[int], Mapping[str, list[int]])
print(Sequence[str], cabc.MutableMapping[str, int], cabc.Iterator[int], cabc.Generator[int, None, None])
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None])
print(functools.partial[int], itertools.chain[int], contextlib.nullcontext[int], dataclasses.Field[int])
alias = deque[int]
print(alias.__origin__ is deque, alias.__args__, alias([1, 2]), alias == deque[int], type(alias).__name__)


def total(xs: Iterable[int], weights: Mapping[str, float] | None = None) -> int:
    return sum(xs)


print(total([1, 2, 3]), total.__name__)
counts: Counter[str] = Counter("abca")
queue: deque[tuple[int, str]] = deque([(1, "a")])
print(counts.most_common(1), queue, __annotations__)


class Plain:
    pass


class Seq(Sequence):
    def __init__(self, n: int) -> None:
        self.n = n

    def __getitem__(self, i: int) -> int:
        if i >= self.n:
            raise IndexError(i)
        return i

    def __len__(self) -> int:
        return self.n


print(Seq[int], list(Seq(3)))
for bad in (lambda: Plain[int], lambda: int[str], lambda: cabc.Hashable[int], lambda: Callable[int, str]):
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
