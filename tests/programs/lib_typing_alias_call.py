# Calling a subscripted generic: Box[int](5) makes a Box and records __orig_class__; the
# aliases of builtin and abstract classes and the special forms raise CPython's TypeErrors.
import typing
from typing import Generic, TypeVar, List, Iterable, Union, Optional

T = TypeVar("T")


class Box(Generic[T]):
    def __init__(self, v: T) -> None:
        self.v = v

    def get(self) -> T:
        return self.v


b = Box[int](5)
print(b.get(), type(b).__name__, Box[int], b.__orig_class__)
print(Box[str]("x").v)
for f in [lambda: List[int](), lambda: Iterable[int](), lambda: Union[int, str](),
          lambda: Optional[int](), lambda: typing.ClassVar[int](), lambda: typing.Literal[1](),
          lambda: typing.Callable[[int], str](), lambda: typing.Sequence(),
          lambda: typing.Mapping[str, int](), lambda: typing.Tuple[int](), lambda: typing.Type[int](),
          lambda: typing.Hashable(), lambda: typing.Iterator[int](), lambda: List(), lambda: Box[int]()]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
