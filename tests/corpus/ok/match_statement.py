class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y


def describe(v: object) -> str:
    match v:
        case 0 | 1:
            return "bit"
        case None:
            return "nothing"
        case [x, *rest] if len(rest) > 1:
            return f"long list from {x}"
        case (a, b):
            return f"pair {a} {b}"
        case {"kind": kind, **others}:
            return f"{kind} with {len(others)} more"
        case Point(0, y):
            return f"on the y axis at {y}"
        case Point(x=px) as p:
            return f"point at x={px}, y={p.y}"
        case str() as s:
            return "text " + s
        case _:
            return "something else"


for value in [1, None, [1, 2, 3], (4, 5), {"kind": "box", "w": 2}, Point(0, 3), Point(2, 3), "hi", 2.5]:
    print(describe(value))
