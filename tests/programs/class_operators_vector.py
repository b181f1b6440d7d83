class Vec:
    def __init__(self, x: float, y: float):
        self.x = x
        self.y = y

    def __add__(self, o: "Vec") -> "Vec":
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, o):
        return self.x == o.x and self.y == o.y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


a = Vec(1, 2)
b = Vec(3, -4)
print(a + b, a - b, a * 3, b * 0.5, -a, abs(b))
c = a
c += b
print(c, a, c is a)
print(a + b * 2 - Vec(1, 1), (a + b) == Vec(4, -2))
total = Vec(0, 0)
for i in range(5):
    total = total + Vec(i, i * i)
print(total)
print(sum([1, 2]) * 1, [Vec(0, 1) * k for k in range(3)])
