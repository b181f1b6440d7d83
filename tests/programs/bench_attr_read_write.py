class State:
    def __init__(self):
        self.x = 0
        self.y = 1
        self.hits = 0


def churn(s: State, n: int) -> None:
    for i in range(n):
        s.x = s.x + s.y
        if s.x > 1000:
            s.x -= 1000
            s.hits += 1
        s.y = (s.y + i) % 7 + 1


s = State()
churn(s, 1_000_000)
print(s.x, s.y, s.hits)
t = State()
churn(t, 10)
print(t.x, t.y, t.hits)
