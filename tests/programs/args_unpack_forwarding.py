def log_call(fn, *args, **kwargs):
    parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
    print(f"calling {fn.__name__}({', '.join(parts)})")
    result = fn(*args, **kwargs)
    print(f"  -> {result!r}")
    return result


def area(w, h=1, unit="m"):
    return f"{w * h}{unit}2"


def join_all(*parts, sep=" "):
    return sep.join(str(p) for p in parts)


log_call(area, 3)
log_call(area, 3, 4)
log_call(area, w=2, h=5, unit="cm")
log_call(join_all, 1, 2, 3)
log_call(join_all, "a", "b", sep="+")
args = [5, 6]
kwargs = {"unit": "km"}
log_call(area, *args, **kwargs)
point = {"h": 7, "w": 2}
print(area(**point), max(*[4, 9, 2]), min(*"zyx"))


def count_args(*a, **k):
    return len(a), sorted(k)


print(count_args(*range(5), *"ab", x=1, **{"y": 2}))
