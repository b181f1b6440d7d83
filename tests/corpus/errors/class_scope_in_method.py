class Config:
    scale = 10

    def __init__(self, base: int) -> None:
        self.base = base

    def scaled(self) -> int:
        return self.base * self.scale

    def broken(self) -> int:
        return self.base * scale  # error: undefined-name


c = Config(3)
print(c.scaled())
print(c.broken())
