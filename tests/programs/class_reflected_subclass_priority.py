class C:
    def __init__(self, v): self.v = v
    def __add__(s, o): return 'add'
    def __radd__(s, o): return 'radd'
    def __sub__(s, o): return 'C.sub'
    def __rsub__(s, o): return 'C.rsub'
class D(C): pass
class E(C):
    def __rsub__(s, o): return 'E.rsub'
    def __radd__(s, o): return NotImplemented
print(D(0) + C(1), C(0) + D(1), sum([C(1)], D(0)))
print(C(0) - E(1), E(0) - C(1), C(0) + E(1), C(0) - D(1))
class N:
    def __mul__(s, o): return NotImplemented
class M(N):
    def __rmul__(s, o): return 'M.rmul'
print(N() * M(), 3 * M())
