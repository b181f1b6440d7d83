square = lambda x: x * x
add = lambda a, b=10: a + b
const = lambda: "constant"
print(square(7), add(1), add(1, 2), const())
print((lambda x, y: x ** y)(2, 8))
pairs = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: (-p[0], p[1])))
print(list(map(lambda s: s.title(), ["ann lee", "bo"])), list(filter(lambda n: n % 3 == 0, range(20))))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
for sym in "+-*/":
    print(12, sym, 4, "=", ops[sym](12, 4))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(square, lambda x: x + 1)
print(inc_then_sq(3), compose(str, square)(12) + "!")
print((lambda *a, **k: (a, k))(1, 2, z=3))
print(max(["apple", "kiwi", "banana"], key=lambda w: w.count("a")))
