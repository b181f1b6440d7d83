# Float attribute hints from tuple assignments, float literals and chained assignments;
# the checked loads see ints, bools, big ints, floats and a str.


class Particle:
    def __init__(self, x: float, y: float) -> None:
        self.x, self.y = x, y
        self.vx = self.vy = 0.0

    def push(self, fx: float, fy: float) -> None:
        self.vx = self.vx + fx
        self.vy = self.vy + fy
        self.x = self.x + self.vx
        self.y = self.y - -self.vy

    def dist2(self, other: "Particle") -> float:
        dx = self.x - other.x
        dy = self.y - other.y
        return dx * dx + dy * dy

    def speed_cmp(self, other: "Particle") -> bool:
        return self.vx * self.vx <= other.vx * other.vx


def main() -> None:
    a = Particle(0.0, 0.0)
    b = Particle(3, 4)
    print(a.dist2(b), b.dist2(a), a.speed_cmp(b))
    a.push(1.5, -0.5)
    b.push(1, 2)
    print(a.x, a.y, a.vx, a.vy, b.x, b.y, b.vx, b.vy)
    print(a.dist2(b), a.speed_cmp(b), b.speed_cmp(a))
    b.push(True, 2**70)
    print(b.x, b.y, b.vx, b.vy, a.dist2(b))
    a.vx = "fast"
    try:
        a.push(1.0, 1.0)
    except TypeError as e:
        print("TypeError:", e)
    print(a.x, a.vy)
    try:
        print(a.speed_cmp(b))
    except TypeError as e:
        print("TypeError:", e)


main()
