# IntFlag (CPython 3.11 behaviour): int members, flag operators with ints, unknown bits kept.
from enum import IntFlag, Flag, auto


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


print(repr(Perm.R), str(Perm.R), repr(Perm.R | Perm.W), str(Perm.R | Perm.W), format(Perm.R | Perm.X))
print(Perm.R | Perm.W | Perm.X, int(Perm.R | Perm.W), (Perm.R | Perm.W) & Perm.W, Perm.R ^ Perm.R)
print(repr(Perm.R | 1), repr(Perm.R & 6), repr(Perm(0)), repr(Perm(7)), Perm.W in (Perm.R | Perm.W))
print(repr(~Perm.R), repr(~(Perm.R | Perm.W)), Perm.R + 1, type(Perm.R + 1).__name__, Perm.R == 4)
print(list(Perm.R | Perm.X), len(Perm.R | Perm.W), bool(Perm(0)), isinstance(Perm.R, int))
print(repr(Perm(8)), repr(Perm.R | 8), [c.__name__ for c in IntFlag.__mro__])


class Opt(IntFlag):
    A = auto()
    B = auto()
    C = auto()


print(list(Opt), Opt.C.value, repr(Opt.A | Opt.C), Opt(3), f"{Opt.B:>3}|", Opt.A | 2)
print(repr(Opt.B & 2), repr(3 | Opt.C), repr(Opt.A ^ 7), sorted([Opt.C, Opt.A]), Opt.B * 10)
print(Opt["B"], Opt(0) == 0, [m.name for m in (Opt.A | Opt.B | Opt.C)], hash(Opt.A) == hash(1))


class Plain(Flag):
    R = 1
    W = 2


print(repr(Plain.R | Plain.W), str(Plain.R), repr(~Plain.R))
try:
    Plain.R | 1
except TypeError as e:
    print("TypeError:", e)
try:
    Plain(4)
except ValueError as e:
    print("ValueError:", str(e).splitlines()[0])
