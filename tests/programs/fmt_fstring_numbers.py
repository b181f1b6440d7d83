x = 3.14159
n = 42
v = 1234567.891
p = 0.4567
big = 12345678901234567890
e = 123456.789
print(f"{x:.2f}|{x:.0f}|{x:10.3f}|{x:<10.1f}|{x:^10.2f}|")
print(f"{n:>5}|{n:<5}|{n:^7}|{n:05}|{n:+d}|{-n:+d}|{n: d}|")
print(f"{v:,.2f}|{v:,}|{v:_.1f}|{n:,}|")
print(f"{x:08.3f}|{-x:08.3f}|{n:08.3f}|")
print(f"{n:x}|{n:X}|{n:#x}|{n:#X}|{n:o}|{n:#o}|{n:b}|{n:#b}|{n:08b}|{255:#06x}|")
print(f"{p:.1%}|{p:%}|{1:.0%}|{0.005:.2%}|")
print(f"{big:,}|{-big:,}|{big:_}|{big:x}|")
print(f"{e:.3e}|{e:e}|{e:E}|{0.00012:.2e}|{e:g}|{0.00001234:g}|{1e20:g}|")
print(f"{n:*^11}|{n:-<6}|{n:0>4}|{x:=+10.2f}|")
print(f"{n:d}|{n:10d}|{-5:5d}|{True:d}|{3.0:.1f}|")
print(f"{x}|{n / 7}|{1e16}|{float(n)}|{2 ** 0.5:.12f}|")
for w in range(3, 9, 2):
    for prec in range(0, 4, 2):
        print(f"[{x:{w}.{prec}f}]", end=" ")
    print()
