import math


class Body:
    def __init__(self, x: float, y: float, vx: float, vy: float, mass: float) -> None:
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.mass = mass


def step(bodies: list, dt: float) -> None:
    n = len(bodies)
    for i in range(n):
        a = bodies[i]
        for j in range(i + 1, n):
            b = bodies[j]
            dx = a.x - b.x
            dy = a.y - b.y
            d2 = dx * dx + dy * dy + 0.01
            mag = dt / (d2 * math.sqrt(d2))
            a.vx -= dx * b.mass * mag
            a.vy -= dy * b.mass * mag
            b.vx += dx * a.mass * mag
            b.vy += dy * a.mass * mag
    for body in bodies:
        body.x += dt * body.vx
        body.y += dt * body.vy


def energy(bodies: list) -> float:
    e = 0.0
    for i, a in enumerate(bodies):
        e += 0.5 * a.mass * (a.vx * a.vx + a.vy * a.vy)
        for b in bodies[i + 1:]:
            e -= a.mass * b.mass / math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2)
    return e


system = [
    Body(0.0, 0.0, 0.0, 0.0, 10.0),
    Body(1.0, 0.0, 0.0, 3.0, 0.1),
    Body(-2.0, 0.0, 0.0, -2.2, 0.2),
]
print(f"{energy(system):.9f}")
for _ in range(100):
    step(system, 0.001)
print(f"{energy(system):.9f}")
for b in system:
    print(f"{b.x:.6f} {b.y:.6f}")
