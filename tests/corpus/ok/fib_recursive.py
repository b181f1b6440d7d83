def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_memo(n: int, memo: dict) -> int:
    if n in memo:
        return memo[n]
    if n < 2:
        result = n
    else:
        result = fib_memo(n - 1, memo) + fib_memo(n - 2, memo)
    memo[n] = result
    return result


for i in range(12):
    print(i, fib(i))

print(fib_memo(90, {}))
print(fib(15) == fib_memo(15, {}))
