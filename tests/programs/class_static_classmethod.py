class Temperature:
    scale = "C"
    created = 0

    def __init__(self, c):
        self.c = c
        Temperature.created += 1

    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)

    @classmethod
    def count(cls) -> int:
        return cls.created

    def __repr__(self):
        return f"Temperature({self.c:.1f}{self.scale})"


class Kelvin(Temperature):
    scale = "K"


print(Temperature.c_to_f(100), Temperature.c_to_f(-40), Temperature(20).c_to_f(0))
t = Temperature.from_f(212)
print(t, Temperature.from_f(0), type(t).__name__)
k = Kelvin.from_f(50)
print(k, type(k).__name__, Kelvin.count(), Temperature.count())
print([Temperature.c_to_f(c) for c in range(0, 101, 25)])
