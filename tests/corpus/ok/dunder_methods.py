class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __str__(self):
        return f"<{self.x}, {self.y}>"

    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i == 0:
            return self.x
        if i == 1:
            return self.y
        raise IndexError("Vec index out of range")

    def __bool__(self):
        return self.x != 0 or self.y != 0

    def __hash__(self):
        return hash((self.x, self.y))


a = Vec(1, 2)
b = Vec(3, -1)
print(a + b, a - b, a * 3)
print(repr(a), str(b), [a, b])
print(a == Vec(1, 2), a != b, a < b)
print(len(a), a[0], a[1])
print(bool(Vec(0, 0)), bool(a))
print(sorted([b, a, Vec(0, 5)]))
print(len({a, Vec(1, 2), b}))
