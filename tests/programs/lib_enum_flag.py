from enum import Flag, auto


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RW = 6


print(repr(Perm), list(Perm), len(Perm), Perm._member_names_)
print(Perm.__members__)
print(repr(Perm.R | Perm.W), str(Perm.R | Perm.X), repr(~Perm.R), repr(~Perm.RW))
print(repr(Perm(0)), str(Perm(0)), repr(Perm.R & Perm.W), repr(Perm.R ^ Perm.W), repr(Perm(7)), repr(Perm(-1)))
print(Perm.R in (Perm.R | Perm.W), Perm.X in (Perm.R | Perm.W), list(Perm.R | Perm.X), list(Perm(0)))
print(bool(Perm(0)), bool(Perm.R), len(Perm.R | Perm.X), len(Perm(0)), len(Perm.RW))
print(Perm.R.name, (Perm.R | Perm.W).name, (Perm.R | Perm.X).name, Perm(0).name, Perm(0).value)
print(hash(Perm.R | Perm.X) == hash("R|X"), Perm(5) is (Perm.R | Perm.X), Perm(6) is Perm.RW)
print(f"{Perm.R | Perm.W}", format(Perm.X, ">8"), Perm.R in Perm, Perm(6) in Perm)
for expr in ["Perm(8)", "Perm('a')", "Perm.R | 1", "1 in Perm.R", "Perm.R + 1"]:
    try:
        if expr == "Perm(8)":
            Perm(8)
        elif expr == "Perm('a')":
            Perm("a")
        elif expr == "Perm.R | 1":
            Perm.R | 1
        elif expr == "1 in Perm.R":
            1 in Perm.R
        else:
            Perm.R + 1
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()

    def is_warm(self):
        return self is Color.RED


print(list(Color), repr(Color.RED | Color.BLUE), Color.RED.is_warm(), (Color.RED | Color.GREEN).is_warm())
white = Color.RED | Color.GREEN | Color.BLUE
print(repr(white), [c.name for c in white], repr(white & ~Color.GREEN))
seen = {}
for c in [Color.RED | Color.BLUE, Color.BLUE | Color.RED]:
    seen[c] = seen.get(c, 0) + 1
print(seen)
Perm(16)
