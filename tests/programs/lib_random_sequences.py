# random: choice, choices, shuffle, sample (both algorithms, counts=), and their errors.
import random

random.seed(11)
letters = "abcdefghij"
print([random.choice(letters) for _ in range(10)])
print(random.choice([1, 2, 3]), random.choice((4, 5)), random.choice(range(100, 200)))
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)

items = list(range(20))
random.shuffle(items)
print(items)
random.shuffle(items)
print(items)
one = [1]
random.shuffle(one)
print(one)

print(random.choices(letters, k=8))
print(random.choices(letters, weights=[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], k=8))
print(random.choices(letters, cum_weights=[1, 3, 6, 10, 15, 21, 28, 36, 45, 55], k=8))
print(random.choices([1, 2], [0.1, 0.9], k=5))
print(random.choices("xyz"))
for kwargs in [
    {"weights": [1, 2], "cum_weights": [1, 3]},
    {"weights": [1, 2, 3]},
    {"weights": [0, 0]},
    {"weights": [1, float("inf")]},
]:
    try:
        random.choices("ab", **kwargs)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    random.choices("ab", 3)
except TypeError as e:
    print("TypeError:", e)

# Small populations use the pool algorithm, large ones with few picks the set algorithm.
print(random.sample(range(10), 5))
print(random.sample(range(10), 10))
print(random.sample(range(1000), 5))
print(random.sample(range(100), 30))
print(random.sample(range(10**6), 8))
print(random.sample("abcdefgh", 3))
print(random.sample(["red", "blue"], counts=[4, 2], k=5))
print(random.sample(range(5), 0))
for bad in [(range(3), 4), (range(3), -1)]:
    try:
        random.sample(*bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    random.sample({1, 2, 3}, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    random.sample("ab", 1, counts=[1])
except ValueError as e:
    print("ValueError:", e)
try:
    random.sample("ab", 1, counts=[0, 0])
except ValueError as e:
    print("ValueError:", e)

r = random.Random(3)
deck = [(rank, suit) for suit in "SHDC" for rank in range(1, 14)]
r.shuffle(deck)
print(deck[:6])
print(r.sample(deck, 4))
