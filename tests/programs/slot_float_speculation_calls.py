# Checked float attribute loads with calls, stores and exceptions between the checks, under
# a try in the same function, in module code and in a loop that changes the stored types.


class V:
    def __init__(self, a: float, b: float) -> None:
        self.a = a
        self.b = b

    def mix(self, log: list) -> float:
        try:
            log.append(self.a * 2.0)
            self.b = self.b - 1.0
            log.append(self.a + self.b)
            return self.a / self.b
        except ZeroDivisionError as e:
            log.append("zero: " + str(e))
            return -1.0
        except TypeError as e:
            log.append("type: " + str(e))
            return -2.0


def noisy(v: V) -> None:
    v.a = v.a * 10


log: list = []
vs = [V(1.0, 3.0), V(2, 2), V(0.5, 1.0), V(True, 2.0), V(1.0, "x")]
for v in vs:
    print(v.mix(log), v.a, v.b)
    noisy(v) if not isinstance(v.b, str) else None
    print(v.mix(log), v.a, v.b)
print(log)
w = V(4.0, 8.0)
print(w.a * w.b - w.a / w.b, w.a < w.b, -w.a > -w.b)
w.a = 2**80
print(w.a * w.b, w.a < w.b)
