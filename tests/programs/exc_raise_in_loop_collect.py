def check(v):
    if not isinstance(v, int):
        raise TypeError(f"expected int, got {type(v).__name__}")
    if v < 0:
        raise ValueError(f"{v} is negative")
    if v > 100:
        raise OverflowError("too big")
    return v


data = [5, -3, "x", 250, 42, None, 0]
good = []
errors = {}
for item in data:
    try:
        good.append(check(item))
    except (TypeError, ValueError) as e:
        errors.setdefault(type(e).__name__, []).append(str(e))
    except Exception as e:
        errors.setdefault("other", []).append(repr(e))
print(good)
for k, v in errors.items():
    print(k, v)
try:
    raise Exception("plain", 42)
except Exception as e:
    print(e, e.args, len(e.args))
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("bare assert args:", e.args)
