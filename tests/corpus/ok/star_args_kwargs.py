def total(*args):
    return sum(args)


def describe(name, *args, sep=", ", **kwargs):
    parts = [str(a) for a in args]
    for k, v in kwargs.items():
        parts.append(k + "=" + str(v))
    return name + "(" + sep.join(parts) + ")"


def forward(*args, **kwargs):
    return describe("fwd", *args, **kwargs)


def kw_only(a, *, b, c=3):
    return a + b + c


print(total(), total(1), total(1, 2, 3, 4))
print(describe("f"))
print(describe("g", 1, 2, x=3, y="four"))
print(describe("h", 1, 2, sep="|"))
print(forward(9, 8, z=7))
nums = [1, 2, 3]
opts = {"flag": True, "level": 2}
print(describe("spread", *nums, **opts))
print(kw_only(1, b=2), kw_only(1, c=10, b=2))
print(type(()).__name__, type({}).__name__)
