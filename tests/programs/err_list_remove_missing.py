def drop(xs: list, v: int) -> None:
    print("removing", v, "from", xs)
    xs.remove(v)
    print("  now", xs)


xs = [3, 1, 4, 1, 5]
drop(xs, 1)
drop(xs, 5)
drop(xs, 1)
drop(xs, 1)
print("unreachable")
