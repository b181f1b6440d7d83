# match: mapping patterns: dict and Mapping kinds, key lookup with .get (defaultdict gains
# no key), extra keys allowed, **rest as a new dict, duplicate keys at run time.
from collections import defaultdict, OrderedDict, Counter
from collections.abc import Mapping


def describe(v) -> str:
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} rest={rest}"
        case {"type": t}:
            return f"other type {t!r}"
        case {}:
            return f"mapping without type, {len(v)} keys"
        case _:
            return "not a mapping: " + type(v).__name__


for v in [{"type": "point", "x": 1, "y": 2}, {"y": 2, "x": 1, "type": "point", "z": 0},
          {"type": "circle", "r": 3}, {"type": "circle", "r": 3, "c": (0, 0), "fill": None},
          {"type": "square"}, {}, {"x": 1}, [("type", "point")], "type", 5,
          OrderedDict(type="circle", r=1, z=2), Counter("aab")]:
    print(describe(v))

d = defaultdict(list)
d["type"] = "point"
match d:
    case {"type": "point", "x": x}:
        print("matched", x)
    case {"type": t, **rest}:
        print("type", t, "rest", rest, type(rest).__name__)
print("defaultdict keys after match:", sorted(d))

original = {"a": 1, "b": 2, "c": 3}
match original:
    case {"a": 1, **others}:
        others["z"] = 26
        print(others, original, others is original)

match {1: "one", 2.0: "two", None: "none", True: "yes", b"k": "bytes", -5: "neg"}:
    case {1.0: a, 2: b, None: c, b"k": d, -5: e}:
        print(a, b, c, d, e)


class Keys:
    A = "k"
    B = "k"


try:
    match {"k": 1, "j": 2}:
        case {Keys.A: 1, Keys.B: 2}:
            print("no")
except ValueError as e:
    print("ValueError:", e)


class Logged(Mapping):
    def __init__(self, d):
        self.d = d

    def __getitem__(self, k):
        print("  getitem", k)
        return self.d[k]

    def __len__(self):
        print("  len")
        return len(self.d)

    def __iter__(self):
        print("  iter")
        return iter(self.d)

    def get(self, k, default=None):
        print("  get", k)
        return self.d.get(k, default)


m = Logged({"a": 1, "b": 2})
for label in ["{}", "{'a': 1, **r}", "{**r}", "{'a': 1, 'c': c}", "{'a': 1, 'b': 2, 'c': 3}"]:
    print(label)
    match m:
        case {} if label == "{}":
            print("  ok")
        case {"a": 1, **r} if label == "{'a': 1, **r}":
            print("  ok", r)
        case {**r} if label == "{**r}":
            print("  ok", r)
        case {"a": 1, "c": c}:
            print("  no")
        case {"a": 1, "b": 2, "c": 3}:
            print("  no")
