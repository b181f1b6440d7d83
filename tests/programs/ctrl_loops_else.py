def find_first_div(xs: list, d: int):
    for x in xs:
        if x % d == 0:
            print("found", x)
            break
    else:
        print("none divisible by", d)
        return None
    return x


find_first_div([3, 5, 7, 10], 5)
find_first_div([3, 5, 7], 4)
find_first_div([], 2)
n = 10
while n > 0:
    n -= 3
    if n == 4:
        print("hit 4")
        break
else:
    print("while finished without break")
print("n =", n)
m = 10
while m > 0:
    m -= 4
else:
    print("while else ran, m =", m)
for i in range(3):
    pass
else:
    print("for else ran, i =", i)
for p in range(2, 30):
    for d in range(2, p):
        if p % d == 0:
            break
    else:
        print(p, end=" ")
print()
