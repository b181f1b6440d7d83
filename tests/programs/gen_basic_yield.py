def count_up(n: int):
    i = 0
    while i < n:
        print("  yielding", i)
        yield i
        i += 1
    print("  exhausted")


for v in count_up(3):
    print("got", v)
g = count_up(2)
print(next(g))
print(next(g))
print(next(g, "default"))
print(next(g, "again"))


def squares(limit):
    for i in range(limit):
        yield i * i


print(list(squares(6)), sum(squares(100)), max(squares(5)), sorted(squares(4), reverse=True))
print(any(v > 10 for v in squares(5)), all(v < 100 for v in squares(10)))
print("-".join(str(s) for s in squares(5)))
