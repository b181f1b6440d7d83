def memoize(f):
    cache = {}
    hits = [0]

    def wrapper(n):
        if n in cache:
            hits[0] += 1
            return cache[n]
        v = f(n)
        cache[n] = v
        return v

    def stats():
        return len(cache), hits[0]
    return wrapper, stats


def slow_fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


fib, fib_stats = memoize(slow_fib)
print(fib(30), fib_stats())
print(fib(80), fib_stats())


def make_bank(balance: int):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance

    def withdraw(x):
        nonlocal balance
        if x > balance:
            return "insufficient"
        balance -= x
        return balance
    return deposit, withdraw


dep, wd = make_bank(50)
print(dep(25), wd(100), wd(30), dep(5))
