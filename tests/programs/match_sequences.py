# match: sequence patterns: kinds that match (not str/bytes), length checks, stars, nesting,
# and the order of __len__/__getitem__/__iter__ calls on a user Sequence.
from collections import deque
from collections.abc import Sequence
from array import array


def shape(v) -> str:
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x!r}"
        case [x, y]:
            return f"two {x!r} {y!r}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long {first!r}..{last!r} middle={middle!r}"
        case (a, b, *rest):
            return f"more {a!r} {b!r} rest={rest!r}"
        case _:
            return "not a sequence: " + type(v).__name__


for v in [[], (), [1], (2,), [1, 2], (3, 4), range(3), range(6), [1, 2, 3, 4, 5, 6],
          "ab", "", b"xy", bytearray(b"z"), {1: 2}, {1, 2}, 7, None, deque([1, 2]),
          array("i", [5, 6, 7]), iter([1, 2]), (x for x in [1])]:
    print(type(v).__name__, "->", shape(v))


def stars(v):
    match v:
        case [*_]:
            out = ["any"]
        case _:
            out = ["none"]
    match v:
        case [*head, 0]:
            out.append(f"ends0 head={head}")
        case [0, *tail]:
            out.append(f"starts0 tail={tail}")
        case [_, _, *_]:
            out.append("at least two")
    return out


for v in [[0], [1, 0], [0, 1], [1, 2], [1], (0, 0), []]:
    print(v, stars(v))

match [1, [2, [3, (4, 5)]]]:
    case [a, [b, [c, (d, e)]]]:
        print("nested", a, b, c, d, e)

match [1, [2, 3]]:
    case [1, [2, 4]] | [1, [2, 3, 4]]:
        print("wrong")
    case [1, [x, y]]:
        print("inner", x, y)


class Logged(Sequence):
    def __init__(self, items):
        self.items = items

    def __len__(self):
        print("  len")
        return len(self.items)

    def __getitem__(self, i):
        print("  getitem", i)
        return self.items[i]

    def __iter__(self):
        print("  iter")
        return iter(self.items)


s = Logged([1, 2, 3])
for label in ["[*_]", "[*r]", "[a, *_]", "[a, *_, b]", "[_, _, _]", "[1, x, _]", "[*_, 3]", "[9, *_]", "[a, b]"]:
    print(label)
    match s:
        case [*_] if label == "[*_]":
            print("  ok")
        case [*r] if label == "[*r]":
            print("  ok", r)
        case [a, *_] if label == "[a, *_]":
            print("  ok", a)
        case [a, *_, b] if label == "[a, *_, b]":
            print("  ok", a, b)
        case [_, _, _] if label == "[_, _, _]":
            print("  ok")
        case [1, x, _] if label == "[1, x, _]":
            print("  ok", x)
        case [*_, 3] if label == "[*_, 3]":
            print("  ok")
        case [9, *_] if label == "[9, *_]":
            print("  no")
        case [a, b] if label == "[a, b]":
            print("  no")
