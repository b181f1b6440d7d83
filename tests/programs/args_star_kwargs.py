def show(*args, **kwargs):
    print("args", args, "kwargs", kwargs)
    return len(args) + len(kwargs)


print(show())
print(show(1, 2))
print(show(a=1, b="x"))
print(show(1, *[2, 3], c=4, **{"d": 5}))
nums = (10, 20)
opts = {"sep": "-", "end": "!\n"}
print(*nums, **opts)


def total(first: int, *rest: int) -> int:
    s = first
    for r in rest:
        s += r
    return s


print(total(1), total(1, 2, 3), total(*range(10)))


def forward(*args, **kwargs):
    return show(*args, **kwargs)


print(forward("fwd", key="v"))


def describe(name, *tags, sep=", ", **extra):
    line = name + ": " + sep.join(tags)
    for k in sorted(extra):
        line += f" [{k}={extra[k]}]"
    return line


print(describe("item"))
print(describe("item", "a", "b"))
print(describe("item", "a", "b", sep="|", color="red", size=3))
