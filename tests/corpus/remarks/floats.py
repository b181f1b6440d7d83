def step(x: float, v: float, dt: float) -> float:
    return x + v * dt


def energy(m, v):
    return 0.5 * m * v * v


print(step(1.0, 2.0, 0.5), energy(2.0, 3.0))
