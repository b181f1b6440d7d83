# Unpacking assignments read the items of a tuple or list of the right length inline;
# everything else (other iterables, wrong lengths) goes through the runtime, with CPython's
# messages.


def pair(v):
    a, b = v
    return a, b


def triple(v):
    x, y, z = v
    return [x, y, z]


def show(f, v):
    try:
        print(f.__name__, type(v).__name__, "->", f(v))
    except Exception as e:
        print(f.__name__, type(v).__name__, "->", type(e).__name__, e)


def gen(n):
    for i in range(n):
        yield i * 10


class Seq:
    def __getitem__(self, i):
        if i < 2:
            return "s%d" % i
        raise IndexError(i)


for v in [
    (1, 2),
    [3, 4],
    "ab",
    range(5, 7),
    {"k": 1, "j": 2},
    {9},
    b"xy",
    gen(2),
    iter([7, 8]),
    Seq(),
    (1,),
    (1, 2, 3),
    [],
    [1, 2, 3, 4],
    "abc",
    gen(3),
    gen(1),
    (),
    5,
    None,
    3.5,
]:
    show(pair, v)
    show(triple, v)

# The same with the value's type known: a tuple built here, a list built here.
t = (10, 20)
a, b = t
print(a, b)
l = [30, 40]
c, d = l
print(c, d)
p, q, r = t + (50,)
print(p, q, r)
try:
    p, q = t + (50,)
except ValueError as e:
    print(type(e).__name__, e)
try:
    p, q, r, s = l
except ValueError as e:
    print(type(e).__name__, e)

# Swaps and rotations (tuples built and unpacked right away).
x, y, z = 1, 2, 3
for _ in range(4):
    x, y, z = y, z, x
    print(x, y, z)

# Nested and starred targets.
(a, b), c = [(1, 2), 3]
print(a, b, c)
(a, [b, c]), d = ((4, [5, 6]), 7)
print(a, b, c, d)
first, *rest = (1, 2, 3, 4)
print(first, rest)
*init, last = [1, 2, 3]
print(init, last)
a, *mid, z = "hello"
print(a, mid, z)
try:
    a, *mid, z = (1,)
except ValueError as e:
    print(type(e).__name__, e)
try:
    (a, b), c = [(1, 2, 3), 4]
except ValueError as e:
    print(type(e).__name__, e)
try:
    (a, b), c = [1, 2]
except TypeError as e:
    print(type(e).__name__, e)


# Loops over pairs: tuples, lists, and a mix.
def total(pairs):
    s = 0
    for k, v in pairs:
        s += k * v
    return s


print(total([(1, 2), (3, 4)]), total([[1, 2], [3, 4]]), total([(1, 2), [3, 4], range(5, 7)]))
print(total({1: 2, 3: 4}.items()), total(zip([1, 2], [3, 4])), total(enumerate([5, 6])))
try:
    total([(1, 2), (3,)])
except ValueError as e:
    print(type(e).__name__, e)

# Targets that are attributes, subscripts and globals (stores that may run code).
class Box:
    pass


bx = Box()
dct = {}
bx.a, dct["k"], g = [1, 2, 3]
print(bx.a, dct, g)


# A store that mutates the list being unpacked: every item was taken before the first store.
class Meddler:
    def __init__(self, victim):
        self.victim = victim

    def __setattr__(self, name, value):
        if name != "victim":
            self.victim[1] = "changed"
            self.victim.append("more")
        object.__setattr__(self, name, value)


victim = ["one", "two"]
m = Meddler(victim)
m.x, second = victim
print(m.x, second, victim)

victim = ["one", "two", "three"]
m = Meddler(victim)
(m.x, second), third = victim[:2], victim[2]
print(m.x, second, third, victim)


# A generator's `yield from` unpacks the (flag, value) pairs of the runtime.
def inner():
    yield 1
    yield 2
    return "done"


def outer():
    r = yield from inner()
    yield r


print(list(outer()))


# Unpacking in comprehensions and lambdas.
print([a + b for a, b in [(1, 2), [3, 4]]])
print(sorted([(2, "b"), (1, "a")], key=lambda kv: kv[1]))
print(dict((v, k) for k, v in {"x": 1, "y": 2}.items()))
