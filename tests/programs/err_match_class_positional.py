# An uncaught TypeError from a class pattern with more positional subpatterns than
# __match_args__ names.


class Pixel:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


for p in [Pixel(0, 1), Pixel(2, 3)]:
    match p:
        case Pixel(0, y):
            print("left edge", y)
        case Pixel(x, y, color):
            print("colored", x, y, color)
