vals = [0, 1, -1, 42, 1234567, -98765, 2**40]
for v in vals:
    print(f"{v:>10}|{v:<8}|{v:^9}|{v:+d}|{v:,}|{v:_}|{v:x}|{v:#o}|{v:#b}|{v:010d}")
fl = [0.0, -0.0, 1.5, -2.25, 3.14159265, 1e10, 1.5e-7, 123456.789, float("inf"), float("nan")]
for x in fl:
    print(f"{x:.2f}|{x:10.3e}|{x:g}|{x:.3g}|{x:%}|{x:+.1f}|{x:,.2f}|{x:>12}|{x!r}")
print(f"{'s':*^9}|{'abc':.2}|{'x'!r:>6}|{3.0:n}|{12:c}")
print("{0}{1}{0}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{:{w}.{p}f}".format(3.14159, w=10, p=3))
print("%s %r %5d %-5d| %05.1f %x %X %o %e %g %%" % ("s", "r", 42, 42, 3.14159, 255, 255, 8, 12345.678, 0.0001))
print("%(a)s and %(b)d" % {"a": "A", "b": 7})
print(format(1234.5, ",.1f"), format(0.5, ".0%"), format(255, "08b"), format(-3, "x"))
print(repr(1e16), repr(1e-5), repr(0.1 + 0.2), str(1e22), 1e300 * 10, -1e300 * 10)
print(round(2.5), round(3.5), round(-0.5), round(1.2345, 2), round(1234, -2), round(0.125, 2))
print(f"{True}", f"{None!s}", f"{[1, 'a']}", f"{ {'k': 1} }", f"{(1,)}")
w = 7
print(f"{w=}", f"{w + 1 = }", f"{w!r:>5}")
print(f"{1e100:.3}", f"{123.456:.0f}", f"{0.000123:.2e}", f"{-1.0:g}", f"{100000000.0:g}")
