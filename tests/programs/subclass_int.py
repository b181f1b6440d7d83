# Subclasses of int: construction, arithmetic results of the base type, overrides honoured.


class Meters(int):
    def __repr__(self):
        return f"Meters({int(self)})"

    def double(self):
        return Meters(self * 2)


class Plain(int):
    pass


class Named(int):
    def __new__(cls, value, name):
        obj = super().__new__(cls, value)
        obj.name = name
        return obj

    def __str__(self):
        return f"{self.name}={int(self)}"


m = Meters(5)
print(m, repr(m), str(m), type(m).__name__, isinstance(m, int), isinstance(m, Meters))
print(m + 1, type(m + 1).__name__, 1 + m, type(1 + m).__name__)
print(m * 3, m - 2, 20 - m, m // 2, m % 3, m ** 2, -m, abs(Meters(-3)), ~m)
print(m + 1.5, 2.5 * m, m / 2, divmod(m, 3), pow(m, 2, 7))
print(m == 5, 5 == m, m < 6, 6 > m, m != Meters(5), hash(m) == hash(5))
print(m.double(), type(m.double()).__name__, m.bit_length(), m.real, (m).to_bytes(2, "big") if False else "")
p = Plain(7)
print(p, repr(p), f"{p}", f"{p:>4}", f"{p:x}", "%d" % p, "%s" % p, format(p, "03"))
print(bool(Plain(0)), bool(p), int(p), type(int(p)).__name__, float(p), str(p))
print([10, 20, 30, 40][Plain(2)], "abcdef"[Plain(1):Plain(3)], range(Plain(3)))
print(sorted([Plain(3), Plain(1), 2]), max(Plain(3), 4), min(Plain(3), Plain(-1)))
d = {p: "seven"}
print(d[7], d.get(Plain(7)), 7 in d)
n = Named(3, "x")
print(n, repr(n), n + 1, n.name, n.__dict__, Named.__mro__)
x = Plain(1)
x += 1
print(x, type(x).__name__)
print(int.__new__(Plain, "12"), type(int.__new__(Plain, "12")).__name__)
print(Plain("ff", 16), Plain(), Plain(3.9), Plain(True), type(Plain(True)).__name__)
print(p.__class__.__name__, type(p) is Plain, issubclass(Plain, int))
a, b = divmod(Plain(17), Plain(5))
print(a, b)
print(str(Meters(4)), [Meters(1), Meters(2)], (Meters(3),))
try:
    Plain("zz")
except ValueError as e:
    print("ValueError:", e)
try:
    int.__new__(str, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    Plain(1) + "a"
except TypeError as e:
    print("TypeError:", e)


class Slotted(int):
    __slots__ = ()


s = Slotted(9)
print(s, hasattr(s, "__dict__"))
try:
    s.attr = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    class Bad(int):
        __slots__ = ("a",)
except TypeError as e:
    print("TypeError:", e)
