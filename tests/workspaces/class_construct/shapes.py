# Classes constructed directly by this module's own functions (`call.class.direct`).


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Labeled(Point):
    pass


def points(n):
    return [(type(p).__name__, p.x, p.y) for p in [Point(i, i + 1) for i in range(n)]]


def labeled(n):
    out = []
    for i in range(n):
        q = Labeled(i, i * 2)
        out.append((type(q).__name__, q.x, q.y))
    return out
