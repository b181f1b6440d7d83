def make_ops(k: int) -> list:
    return [lambda x: x + k, lambda x: x * k, lambda x, k=k + 1: x - k]


for k in [2, 5]:
    ops = make_ops(k)
    print(k, [f(10) for f in ops])
scalers = [lambda v, s=s: v * s for s in (1, 10, 100)]
print([f(3) for f in scalers])
late = [lambda v: v * s for s in (1, 10, 100)]
print([f(3) for f in late])
key_funcs = {"len": lambda w: len(w), "last": lambda w: w[-1], "neg_len": lambda w: -len(w)}
words = ["pear", "fig", "banana", "kiwi"]
for name, fn in key_funcs.items():
    print(name, sorted(words, key=fn))
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3), curry(9)(0)(9))
