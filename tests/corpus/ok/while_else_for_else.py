def find_first_multiple(values: list, k: int) -> int:
    for v in values:
        if v % k == 0:
            print("found", v)
            break
    else:
        print("no multiple of", k)
        return -1
    return v


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return True
    return False


print(find_first_multiple([3, 5, 14, 21], 7))
print(find_first_multiple([3, 5, 11], 7))
print([n for n in range(30) if is_prime(n)])

i = 0
while i < 3:
    i += 1
else:
    print("while finished normally at", i)

for x in []:
    print("never")
else:
    print("empty for-else runs")

for x in range(10):
    if x % 2 == 0:
        continue
    if x > 6:
        break
    print("odd", x)
else:
    print("not reached")
