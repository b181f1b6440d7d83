# &, | and ^ of two bools give a bool; with an int they give an int.
def untyped(p, q):
    print(p & q, p | q, p ^ q, p & 1, 2 | q, ~p)
    x = p
    x &= q
    x |= True
    x ^= p
    print(x, type(x).__name__)


def typed(p: bool, q: bool) -> bool:
    r = (p & q) | (p ^ q)
    print(r, type(r).__name__, type(p & 3).__name__)
    return r


for a in (False, True):
    for b in (False, True):
        untyped(a, b)
        print(typed(a, b))
print(True & True, True | False, True ^ True, False ^ False)
print(sum([True & True, True | False]), [x & y for x in (True, False) for y in (True, False)])
