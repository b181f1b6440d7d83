class Counter:
    limit = 5

    def __init__(self, name):
        self.name = name
        self.count = 0
        self.history = []

    def bump(self):
        if self.count < self.limit:
            self.count += 1
            self.history.append(self.count)
        return self.count


c = Counter("clicks")
for _ in range(8):
    c.bump()
print(c.name, c.count, c.history)

c.name = "taps"
c.limit = 7
c.bump()
c.bump()
c.bump()
print(c.name, c.count, c.limit, Counter.limit)

d = Counter("other")
d.extra = 42
print(d.extra + d.count)
Counter.limit = 1
print(d.bump(), d.bump(), c.limit)
