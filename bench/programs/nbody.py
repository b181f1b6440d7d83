# Float loops: steps of a three-body simulation.
class Body:
    def __init__(self, x: float, y: float, vx: float, vy: float, m: float) -> None:
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.m = m


def step(bodies, dt: float) -> None:
    n = len(bodies)
    for i in range(n):
        a = bodies[i]
        for j in range(i + 1, n):
            b = bodies[j]
            dx = a.x - b.x
            dy = a.y - b.y
            d2 = dx * dx + dy * dy + 0.01
            mag = dt / (d2 * d2 ** 0.5)
            a.vx -= dx * b.m * mag
            a.vy -= dy * b.m * mag
            b.vx += dx * a.m * mag
            b.vy += dy * a.m * mag
    for b in bodies:
        b.x += dt * b.vx
        b.y += dt * b.vy


bodies = [Body(0.0, 0.0, 0.0, 0.0, 10.0), Body(1.0, 0.0, 0.0, 1.0, 1.0), Body(-1.5, 0.0, 0.0, -0.8, 0.5)]
for _ in range(400_000):
    step(bodies, 0.001)
print(round(bodies[1].x, 6), round(bodies[2].y, 6))
