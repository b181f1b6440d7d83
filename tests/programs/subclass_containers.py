# Subclasses of float, list, dict and set: values, methods, in-place operators, overrides.


class Celsius(float):
    def __repr__(self):
        return f"{float(self)}C"

    def to_f(self):
        return self * 9 / 5 + 32


c = Celsius(21.5)
print(c, repr(c), str(c), c.to_f(), c + 1, type(c + 1).__name__, c * 2, 1 - c, -c, abs(Celsius(-2.0)))
print(c == 21.5, c < 30, round(c), int(c), float(c), type(float(c)).__name__, c.is_integer(), hash(c) == hash(21.5))
print(f"{c:.2f}", "%.1f" % c, Celsius("3.25"), Celsius(), c.real, c.hex() if False else "", isinstance(c, float))


class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3).push(4)
print(s, repr(s), len(s), s.peek(), s.pop(), s, type(s).__name__, s + [9], type(s + [9]).__name__)
s += [7]
print(s, type(s).__name__, s[1:], type(s[1:]).__name__, sorted(s), 7 in s, s.index(7), s * 2)
s.sort(reverse=True)
s[0] = 100
del s[1]
print(s, list(s), [x * 2 for x in s], s == [100, 2, 1], bool(Stack()), Stack("ab"))
s.extend(range(2))
s.insert(0, -1)
print(s, s.count(0), list(reversed(s)))


class Registry(dict):
    def __missing__(self, key):
        return f"<{key}?>"

    def register(self, k, v):
        self[k] = v


r = Registry(a=1)
r.register("b", 2)
print(r, repr(r), len(r), r["a"], r["zz"], "a" in r, r.get("zz"), list(r), list(r.items()))
print(r.pop("a"), r, type(r).__name__, dict(r), type(r.copy()).__name__, r == {"b": 2})
r |= {"c": 3}
print(r, type(r).__name__, Registry([("x", 1)]), Registry({"y": 2}, z=3), sorted(r.keys()))


class Tags(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)


t = Tags([3, 1])
t.add_all(2, 5)
print(sorted(t), len(t), 2 in t, type(t).__name__, sorted(t | {9}), type(t | {9}).__name__)
t |= {7}
print(sorted(t), type(t).__name__, t == {1, 2, 3, 5, 7}, sorted(t - {1}), bool(Tags()))


class Counted(list):
    def __init__(self, items, label):
        super().__init__(items)
        self.label = label

    def __len__(self):
        return 1000


k = Counted([1, 2, 3], "nums")
print(k, k.label, len(k), list.__len__(k), bool(k), k.__dict__)
try:
    Stack(5)
except TypeError as e:
    print("TypeError:", e)
try:
    hash(Stack())
except TypeError as e:
    print("TypeError:", e)
