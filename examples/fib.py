def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_iter(n: int) -> int:
    a = 0
    b = 1
    i = 0
    while i < n:
        a, b = b, a + b
        i += 1
    return a


def main() -> None:
    for n in range(10):
        print(n, fib(n))
    total = 0
    for n in range(25):
        total += fib_iter(n)
    print("sum of fib(0..24):", total)
    print("fib(90) =", fib_iter(90))
    print("fib(20) agrees:", fib(20) == fib_iter(20))


if __name__ == "__main__":
    main()
