# Dataclasses: particles in a box (vector values, bounces, collisions in a coarse grid).
from dataclasses import dataclass, field


@dataclass
class Lcg:
    state: int

    def next(self) -> int:
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state

    def uniform(self, lo: float, hi: float) -> float:
        return lo + (hi - lo) * (self.next() / 2147483648)


@dataclass
class Vec:
    x: float
    y: float

    def add(self, other: "Vec") -> "Vec":
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k: float) -> "Vec":
        return Vec(self.x * k, self.y * k)

    def norm2(self) -> float:
        return self.x * self.x + self.y * self.y


@dataclass
class Particle:
    pos: Vec
    vel: Vec
    mass: float
    bounces: int = 0


@dataclass
class World:
    width: float
    height: float
    gravity: Vec
    particles: list[Particle] = field(default_factory=list)
    collisions: int = 0

    def step(self, dt: float) -> None:
        g = self.gravity.scale(dt)
        for p in self.particles:
            p.vel = p.vel.add(g)
            p.pos = p.pos.add(p.vel.scale(dt))
            if p.pos.x < 0.0 or p.pos.x > self.width:
                p.vel = Vec(-p.vel.x * 0.9, p.vel.y)
                p.pos = Vec(min(max(p.pos.x, 0.0), self.width), p.pos.y)
                p.bounces += 1
            if p.pos.y < 0.0 or p.pos.y > self.height:
                p.vel = Vec(p.vel.x, -p.vel.y * 0.9)
                p.pos = Vec(p.pos.x, min(max(p.pos.y, 0.0), self.height))
                p.bounces += 1

    def count_collisions(self, cell: float) -> None:
        grid: dict[tuple[int, int], int] = {}
        for p in self.particles:
            key = (int(p.pos.x / cell), int(p.pos.y / cell))
            grid[key] = grid.get(key, 0) + 1
        for n in grid.values():
            self.collisions += n * (n - 1) // 2

    def energy(self) -> float:
        e = 0.0
        for p in self.particles:
            e += 0.5 * p.mass * p.vel.norm2() + p.mass * -self.gravity.y * p.pos.y
        return e


def simulate(n: int, steps: int) -> World:
    rng = Lcg(2024)
    world = World(100.0, 50.0, Vec(0.0, -9.81))
    for _ in range(n):
        pos = Vec(rng.uniform(0.0, 100.0), rng.uniform(0.0, 50.0))
        vel = Vec(rng.uniform(-20.0, 20.0), rng.uniform(-5.0, 5.0))
        world.particles.append(Particle(pos, vel, rng.uniform(1.0, 3.0)))
    for t in range(steps):
        world.step(0.01)
        if t % 10 == 0:
            world.count_collisions(2.0)
    return world


world = simulate(400, 2500)
top = max(world.particles, key=lambda p: p.bounces)
print(f"bounces={sum(p.bounces for p in world.particles)} collisions={world.collisions} "
      f"energy={world.energy():.6f} top={top.bounces} at ({top.pos.x:.4f}, {top.pos.y:.4f})")
