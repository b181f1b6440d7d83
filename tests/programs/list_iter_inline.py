# Iterating over lists: the inline path of generated code (items left) and what it leaves
# to the runtime (the end, mutation while iterating, shared iterators, other iterables).
a = [1, 2, 3]
for x in a:
    print(x)
    if x == 1:
        a.append(4)
print(a)
b = [1, 2, 3, 4, 5]
for x in b:
    print(x)
    b.remove(x)
print(b)
it = iter([10, 20, 30])
for x in it:
    print(x, list(it))
l = [1, 2]
it = iter(l)
print(next(it), next(it), next(it, "end"))
l.append(3)
print(next(it, "still end"))
for x in (1, 2):
    print(x)
for x in "ab":
    print(x)
for k in {1: 2, 3: 4}:
    print(k)
def gen():
    yield 1
    yield 2
for g in gen():
    print(g)
class L(list):
    def __iter__(self):
        return iter([9, 9])
for x in L([1, 2]):
    print(x)
total = 0.0
vals = [0.5 * i for i in range(1000)]
for v in vals:
    total += v
print(total)
nested = [[i, i * 2] for i in range(5)]
for p, q in nested:
    print(p + q, end=" ")
print()
e = []
for x in e:
    print("never")
def f(seq):
    out = []
    for x in seq:
        out.append(x * 2)
    return out
print(f([1, "a", 2.5]), f(range(3)), f(b"ab"))
