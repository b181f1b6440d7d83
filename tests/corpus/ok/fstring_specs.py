name = "molt"
n = 42
x = 3.14159265
big = 1234567
neg = -7

print(f"{name}")
print(f"{name!r} {name:>8} {name:<8}| {name:^9}|")
print(f"{n:5d}|{n:<5d}|{n:05d}|{n:+d}|{neg:+d}")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#b}")
print(f"{x:.2f} {x:8.3f} {x:e} {x:.3e} {x:g}")
print(f"{big:,} {big:_} {x:10.4f}|")
print(f"{0.25:%} {0.125:.1%}")
print(f"{n * 2} {n // 5} {n % 5} {[n, n]}")
width = 6
prec = 2
print(f"{x:{width}.{prec}f}|")
print(f"{'nested'} {{braces}} {n=}")
print(f"{True} {None} {1.5} {-0.0}")
