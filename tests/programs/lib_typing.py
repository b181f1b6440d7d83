from typing import (
    TYPE_CHECKING, Any, Callable, Dict, Generic, Iterable, Iterator, List, Mapping,
    Optional, Protocol, Sequence, Set, Tuple, TypeVar, Union, cast,
)

if TYPE_CHECKING:
    print("never")

T = TypeVar("T")
K = TypeVar("K", covariant=True)


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


class HasLen(Protocol):
    def size(self) -> int: ...


def total(xs: Iterable[int], f: Optional[Callable[[int], int]] = None) -> int:
    return sum(f(x) if f else x for x in xs)


def first(m: Mapping[str, Sequence[int]]) -> Tuple[str, int]:
    for k, v in m.items():
        return k, v[0]
    return "", 0


s: Stack[int] = Stack()
s.push(3)
s.push(4)
print(s.pop(), s.items, Stack.__mro__, Stack.__orig_bases__)
print(T, K, Stack[int], Generic[T])
print(Optional[int], Union[int, str], Union[int, None, str], Union[int], Optional[Union[int, str]])
print(List[int], Dict[str, List[int]], Set[Any], Tuple[int, ...], Tuple[()], Callable[[int, str], bool], Callable[..., int])
print(Iterable[int], Iterator, Sequence[str], Mapping[str, int], Any, Optional["Node"])
print(Optional[int] == Union[None, int], List[int] == List[int], List == List, Union[int, str] == Union[str, int])
print(isinstance([], List), isinstance((), List), isinstance(3, Union[int, str]), isinstance([], Iterable), isinstance(iter([]), Iterator))
print(isinstance([1], Sequence), isinstance({}, Mapping), isinstance(len, Callable))
print(total([1, 2, 3]), total([1, 2], lambda x: x * 10), first({"a": [7]}), cast(int, "x"))
print(__annotations__)
isinstance([], List[int])
