# Checked float attribute loads in loops, under try/except, with values used after the
# checked expression and in later blocks; the stored types change along the way.


class Body:
    def __init__(self, x: float, v: float, m: float) -> None:
        self.x = x
        self.v = v
        self.m = m

    def step(self, dt: float) -> None:
        self.x = self.x + self.v * dt

    def energy(self) -> float:
        e = 0.5 * self.m * self.v * self.v
        if e > 10.0:
            print("high", e)
        return e

    def describe(self) -> str:
        a = self.x * 2.0
        b = self.v - 1.0
        label = "pos" if a > b else "neg"
        return label + " " + str(a) + " " + str(b)


def run(bodies: list, steps: int) -> float:
    total = 0.0
    for _ in range(steps):
        for b in bodies:
            b.step(0.25)
            try:
                total += b.energy() / b.m
            except ZeroDivisionError:
                total -= 1.0
            except TypeError as e:
                print("TypeError:", e)
                total += 100.0
    return total


def main() -> None:
    bodies = [Body(0.0, 1.0, 2.0), Body(1.0, -2.0, 3.0), Body(2, 3, 4)]
    print(run(bodies, 3))
    for b in bodies:
        print(b.x, b.v, b.describe())
    bodies[0].m = 0
    bodies[1].v = "fast"
    print(run(bodies[:1], 2))
    try:
        print(run(bodies, 1))
    except TypeError as e:
        print("outer TypeError:", e)
    bodies[2].x = 10**30
    bodies[2].v = 1
    print(run(bodies[2:], 2), bodies[2].x, bodies[2].describe())
    bodies[2].x = True
    print(bodies[2].describe())


main()
