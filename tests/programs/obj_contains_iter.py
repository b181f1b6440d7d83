# `in` falls back to __iter__, then to __getitem__; __iter__ = None blocks iteration.
class Evens:
    def __iter__(self):
        print("iter called")
        return iter(range(0, 10, 2))


class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i


class Membership:
    def __contains__(self, item):
        return item == "magic"


print(4 in Evens(), 5 in Evens())
print(9 in Squares(), 10 in Squares(), list(Squares()), sorted(Squares(), reverse=True))
print("magic" in Membership(), "other" not in Membership())
print([s for s in Squares()], sum(Squares()), max(Squares()))
a, b, *rest = Squares()
print(a, b, rest)


class Blocked:
    __iter__ = None

    def __getitem__(self, i):
        return i


for op in ("iter", "in", "for"):
    try:
        if op == "iter":
            iter(Blocked())
        elif op == "in":
            print(1 in Blocked())
        else:
            for _ in Blocked():
                pass
    except TypeError as e:
        print(op, "TypeError:", e)
try:
    iter(Membership())
except TypeError as e:
    print("TypeError:", e)
