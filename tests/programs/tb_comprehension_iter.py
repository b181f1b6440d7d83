xs = [1, 2]


def inner(x):
    return [a for a in xs for b in x]


print([a for a in xs for b in [3]])
try:
    inner(5)
except TypeError as e:
    print(e)
print({a: b for a in xs for b in 7})
