s = "hi"
name = "Ada"
items = [1, 2, 3]
d = {"k": 1}
print(f"{s!r}|{s!s}|{name:>6}|{name:<6}|{name:^7}|{name:*>8}|{name:.2}|")
print(f"{items}|{d}|{d['k']}|{items[-1]}|{len(items)}|{(1, 'a')}|{None}|{True}|")
x = 10
y = 3
print(f"{x=}|{y = }|{x + y=}|{s=}|{x / y=:.3f}|")
print(f"{{literal}}|{{{x}}}|{'quoted'}|{'nested ' + s}|")
width = 12
print(f"[{name:{width}}]|[{name:>{width}}]|[{name:^{width}}]")
print(f"{'a' if x > 5 else 'b'}|{[i * 2 for i in range(3)]}|{ {1: 2} }|")
print(f"{'é':>3}|{'日本':^6}|{s!r:>6}|")
rows = [("alice", 93.5), ("bob", 7.25), ("carolina", 100.0)]
for who, score in rows:
    print(f"{who:<10}{score:>8.2f}{'*' * int(score // 20):>6}")
print(f"line1\nline2\t{s}")
