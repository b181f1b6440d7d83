# Calls of the builtin `set`, `list` and `dict` give typed results: the empty ones become
# literals, the others keep their call. Names bound in the module (a global, a parameter,
# a local, a class or a subclass) are not the builtin and keep their own behaviour.


def seen_twice(xs: list[int]) -> list[int]:
    done: set[int] = set()
    out = []
    for x in xs:
        if x in done:
            out.append(x)
        done.add(x)
    return out


def typed_results(xs: list[int]) -> None:
    l = list(xs)
    l.append(len(l))
    print(l, l[0], l[-1], len(l), type(l).__name__)
    s = set(xs)
    print(sorted(s), 3 in s, 99 not in s, type(s).__name__)
    d = dict(a=1, b=2)
    d2 = dict([(1, "x")], y=2)
    print(d, d2, d.get("a"), type(d2).__name__)
    e, f, g = set(), list(), dict()
    e.add(1)
    f.append(2)
    g[3] = 4
    print(e, f, g, type(e).__name__, type(f).__name__, type(g).__name__)
    print(list(), set(), dict(), list() is list(), list("ab"), set(range(3)) == {0, 1, 2})


def errors() -> None:
    for call in (
        lambda: set(1, 2),
        lambda: list(3),
        lambda: set(x=1),
        lambda: list([], []),
        lambda: dict(1),
        lambda: dict([1]),
        lambda: set([[]]),
    ):
        try:
            call()
        except (TypeError, ValueError) as err:
            print(type(err).__name__, err)


def shadowed_by_parameter(set) -> object:
    return set()


def shadowed_by_local() -> object:
    list = tuple
    return list()


class MySet(set):
    def add(self, x: object) -> None:
        print("MySet.add", x)
        super().add(x)


def subclass() -> None:
    s = MySet()
    s.add(5)
    print(type(s).__name__, 5 in s, sorted(s))


print(seen_twice([1, 2, 1, 3, 2, 2]))
typed_results([3, 1, 2])
errors()
print(shadowed_by_parameter(lambda: "param"), shadowed_by_local())
subclass()


def uses_global_dict() -> object:
    return dict()


print(uses_global_dict())
dict = lambda: "global dict"  # noqa: E731
print(uses_global_dict())
