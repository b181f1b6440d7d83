# Arbitrary function attributes live in the function's __dict__.
def counted(x):
    counted.calls += 1
    return x * 2


counted.calls = 0
for i in range(4):
    counted(i)
print(counted.calls, counted.__dict__)
counted.label = "doubler"
print(sorted(vars(counted)))
del counted.label
print(hasattr(counted, "label"), getattr(counted, "label", "gone"))
try:
    del counted.label
except AttributeError as e:
    print("AttributeError:", e)
try:
    counted.nope
except AttributeError as e:
    print("AttributeError:", e)
counted.__dict__["direct"] = 1
print(counted.direct)
counted.__dict__ = {"replaced": True}
print(counted.replaced, hasattr(counted, "calls"))
try:
    counted.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)


def registry(fn):
    fn.registered = True
    return fn


@registry
def handler():
    return "handled"


print(handler(), handler.registered)
