# Defining __eq__ without __hash__ makes instances unhashable; __hash__ can be restored.
class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)


class Hashed(Point):
    def __hash__(self):
        return hash((self.x, self.y))


class Inherits(Point):
    pass


class NoEq:
    pass


print(Point.__hash__, Inherits.__hash__)
print(Point(1, 2) == Point(1, 2), Point(1, 2) != Point(2, 1), Point(1, 2) == (1, 2))
for obj in (Point(1, 2), Inherits(0, 0)):
    try:
        hash(obj)
    except TypeError as e:
        print("TypeError:", e)
try:
    {Point(0, 0)}
except TypeError as e:
    print("TypeError:", e)
print(hash(Hashed(1, 2)) == hash((1, 2)), len({Hashed(1, 2), Hashed(1, 2)}))
n = NoEq()
print(hash(n) == hash(n), n == n, n == NoEq(), {n: 1}[n])


class Explicit:
    __hash__ = None


try:
    hash(Explicit())
except TypeError as e:
    print("TypeError:", e)
d = {Point(1, 1): 1}
