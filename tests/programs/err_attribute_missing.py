class Point:
    def __init__(self, x: int, y: int):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y)
p.x += 10
print(p.x)
print(p.z)
