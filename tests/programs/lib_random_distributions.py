# random: the real-valued distributions, gauss's cached second value, getstate/setstate,
# subclasses of Random.
import random

random.seed(123)
print([random.uniform(1, 10) for _ in range(3)])
print([random.triangular() for _ in range(2)], random.triangular(0, 10, 2), random.triangular(3, 3, 3))
print([random.gauss() for _ in range(3)])
print(random.gauss(10, 2))
random.seed(123)
random.gauss()
random.seed(123)
print("reseed clears the cached gauss:", random.gauss())
print([random.normalvariate(0, 1) for _ in range(3)])
print(random.lognormvariate(0, 0.5), random.expovariate(1.5), random.expovariate(-2))
print([random.vonmisesvariate(1.0, k) for k in [0, 0.5, 4.0]])
print([random.gammavariate(a, 2.0) for a in [0.3, 1.0, 2.5, 50.0]])
print([random.betavariate(a, b) for a, b in [(0.5, 0.5), (2, 5), (10, 1)]])
print(random.paretovariate(3), random.weibullvariate(1, 1.5))
try:
    random.gammavariate(0, 1)
except ValueError as e:
    print("ValueError:", e)

state = random.getstate()
print(state[0], len(state[1]), state[1][624], state[2])
first = [random.random() for _ in range(5)]
random.setstate(state)
print(first == [random.random() for _ in range(5)])
random.gauss()
state = random.getstate()
print(state[2])
g = random.gauss()
random.setstate(state)
print(g == random.gauss())
other = random.Random()
other.setstate(state)
print(other.random() == random.random())
for bad in [(2, (1, 2), None), (4, (), None)]:
    try:
        random.setstate(bad)
    except ValueError as e:
        print("ValueError:", e)


class Dice(random.Random):
    def roll(self):
        return self.randint(1, 6)


d = Dice(8)
print([d.roll() for _ in range(10)], isinstance(d, random.Random))


class Counter(random.Random):
    # Only random(): integers come from random(), not getrandbits (CPython's rule).
    def __init__(self):
        self.i = 0
        super().__init__(0)

    def random(self):
        self.i = (self.i + 0.37) % 1.0
        return self.i


c = Counter()
print([c.randrange(10) for _ in range(5)], c.choice("abc"))
sr = random.SystemRandom()
x = sr.random()
print(0.0 <= x < 1.0, 0 <= sr.randrange(10) < 10, sr.getrandbits(70) < 2**70)
try:
    sr.getstate()
except NotImplementedError as e:
    print("NotImplementedError:", e)
