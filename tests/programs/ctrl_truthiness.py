values = [0, 1, -1, 0.0, 0.5, "", "a", " ", [], [0], (), (None,), {}, {"k": 0}, set(), {0}, None, True, False, range(0), range(1)]
for v in values:
    print(repr(v), bool(v), "yes" if v else "no")
print(not [], not [1], not None, not 0.0)
print(0 or "default", "" or [] or 0, 5 and 6, 0 and 6, None or None, [] and 1)
print(1 and 2 and 3, 1 and 0 and 3, 0 or 0 or 7, (1 or 2) and "x")
x = []
name = x or "empty"
print(name)
print(bool(-0.0), bool(float("nan")), bool("0"), bool("False"))


def side(tag: str, val):
    print("eval", tag)
    return val


print(side("a", 0) and side("b", 1))
print(side("c", 1) or side("d", 1))
print(side("e", 1) and side("f", 0) or side("g", "z"))
