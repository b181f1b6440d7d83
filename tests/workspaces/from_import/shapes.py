SIDES = 4


class Square:
    def __init__(self, side: int) -> None:
        self.side = side


def area(sq: Square) -> int:
    return sq.side * sq.side


def make(side):
    return Square(side)


def sides() -> int:
    return SIDES
