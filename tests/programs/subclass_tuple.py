# Subclasses of tuple: indexing, unpacking, concatenation gives tuples, overrides honoured.


class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))

    @property
    def first(self):
        return self[0]

    def __repr__(self):
        return f"Pair{tuple.__repr__(self)}"

    def swap(self):
        return Pair(self[1], self[0])


class Plain(tuple):
    pass


class Vec(tuple):
    def __add__(self, other):
        return Vec(x + y for x, y in zip(self, other))

    def __len__(self):
        return 42

    def __getitem__(self, i):
        return "item" + str(i)

    def __iter__(self):
        return iter(["a", "b"])


p = Pair(1, 2)
print(p, repr(p), str(p), type(p).__name__, isinstance(p, tuple), p.first, p.swap())
print(len(p), p[0], p[-1], p[:1], type(p[:1]).__name__, p + (3,), type(p + (3,)).__name__)
print((0,) + p, p * 2, 2 * p, 1 in p, 5 in p, p.index(2), p.count(1), list(p), tuple(p))
print(p == (1, 2), (1, 2) == p, p < (1, 3), hash(p) == hash((1, 2)), {p: "x"}[(1, 2)])
a, b = p
print(a, b, [*p], sorted(Pair(3, 1)), max(p), sum(p), dict([Pair("k", "v")]))
q = Plain([1, 2, 3])
print(q, repr(q), f"{q}", "%s" % (q,), Plain(), Plain("ab"), Plain(x * x for x in range(3)))
print(tuple.__new__(Plain, [4]), type(tuple.__new__(Plain, [4])).__name__, q.__class__.__name__)
q.tag = "t"
print(q.tag, q.__dict__)
v = Vec([1, 2])
print(v + Vec([10, 20]), len(v), v[5], list(v), [x for x in v], tuple.__len__(v), tuple.__getitem__(v, 1))
x, y = v
print(x, y, bool(Plain()), bool(q))
print(str(Pair(Pair(1, 2), (3,))))
try:
    Plain(5)
except TypeError as e:
    print("TypeError:", e)
try:
    p[5]
except IndexError as e:
    print("IndexError:", e)
try:
    class Bad(tuple):
        __slots__ = ("a",)
except TypeError as e:
    print("TypeError:", e)
