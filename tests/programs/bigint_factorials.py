def fact(n: int) -> int:
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


for n in [0, 1, 5, 10, 20, 21, 25, 30, 50]:
    f = fact(n)
    print(n, f, len(str(f)))
f100 = fact(100)
print(f100)
digits = sum(int(c) for c in str(f100))
print("digit sum", digits)
zeros = 0
while f100 % 10 == 0:
    f100 //= 10
    zeros += 1
print("trailing zeros", zeros)
print(fact(30) // fact(28), fact(25) % 1000003)
