class Circle:
    kind = "circle"

    def __init__(self, r):
        self.r = r
