# math.floor/ceil/trunc use __floor__/__ceil__/__trunc__ when defined, else convert through
# __float__ or __index__; round() uses __round__.
import math


class Money:
    def __init__(self, cents: int):
        self.cents = cents

    def __floor__(self):
        return self.cents // 100

    def __ceil__(self):
        return -(-self.cents // 100)

    def __trunc__(self):
        return int(self.cents / 100)

    def __round__(self, nd=None):
        return round(self.cents / 100, nd)


class F:
    def __float__(self):
        return 2.5


class Ix:
    def __index__(self):
        return 9


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for c in [250, -250, 199, 0]:
    m = Money(c)
    t(lambda: (math.floor(m), math.ceil(m), math.trunc(m), round(m), round(m, 1)))
t(lambda: (math.floor(F()), math.ceil(F()), math.floor(Ix()), math.ceil(Ix())))
t(lambda: math.trunc(F()))
t(lambda: round(F()))
t(lambda: math.floor('1'))
t(lambda: (math.floor(-0.5), math.ceil(-0.5), math.trunc(2**70 + 0.0), math.floor(10**20)))
t(lambda: math.floor(float('inf')))
t(lambda: math.ceil(float('nan')))
t(lambda: (round(2.5), round(3.5), round(-0.5), round(0.125, 2), round(12345, -2), round(7, 0)))
t(lambda: round(1.5, 'x'))
t(lambda: (math.sqrt(Ix()), math.exp(F()) > 12))
