def stats(xs):
    n = len(xs)
    mean = sum(xs) / n
    var = sum((x - mean) ** 2 for x in xs) / n
    return n, mean, var


def split_name(full: str) -> tuple:
    first, _, last = full.partition(" ")
    return first, last


n, mean, var = stats([2, 4, 4, 4, 5, 5, 7, 9])
print(n, mean, var)
res = stats([1.5, 2.5])
print(res, res[1], type(res).__name__)
for full in ["Ada Lovelace", "Plato", "Guido van Rossum"]:
    f, l = split_name(full)
    print(repr(f), repr(l))
q, r = divmod(17, 5)
print(q, r)
