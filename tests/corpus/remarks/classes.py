class Particle:
    def __init__(self, x: float, v: float) -> None:
        self.x = x
        self.v = v

    def step(self, dt: float) -> None:
        self.x = self.x + self.v * dt
        self.steps = 1


class Config:
    __slots__ = ("verbose",)

    def __init__(self) -> None:
        self.verbose = False


def simulate(ps, n: int) -> float:
    for _ in range(n):
        for p in ps:
            p.step(0.5)
    return sum(p.x for p in ps)


print(simulate([Particle(1.0, 2.0), Particle(0.0, 1.0)], 10))
