def fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


for n in [10, 50, 90, 92, 93, 94, 100, 200, 300]:
    print(n, fib(n))
print(fib(300) % 1000000007, fib(300) // fib(299))
total = 0
for n in range(100):
    total += fib(n)
print("sum", total, total == fib(101) - 1)
print(fib(500) % fib(250) == 0, fib(500) // fib(250) % 97)
