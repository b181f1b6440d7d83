# format(complex, spec), f-strings and str.format with complex numbers: every presentation
# type, precision, sign, z, #, grouping, width/fill/alignment, the parenthesised form
# without a type, and CPython's errors.
specs = ["", "<", ">", "^", "20", "<20", "^20", "*>20", "*^21", "-", "+", " ", "z", "+z",
         "#", "#20", ",", "_", ".0", ".1", ".3", "#.3", "#.0", "10.3", ",.2",
         "e", "E", ".0e", "#.0e", ".3e", "+.2e", "_e",
         "f", "F", ".0f", "#.0f", ".2f", "_.2f", ",.2f", "z.1f", "z.0f", "+z.1f", " .1f",
         "g", "G", "#g", ".0g", ".2g", "#.2g", "_g", ",g", "n", ".3n",
         "*^30.2f", "<30e", ">25,.3f", "~^16"]
errors = [",,", "__", "__f", "010", "0<10", "<0", ">012", "+010", "=10", "x=10", "0=10", "%", ".2%", "x",
          "d", ",d", "s", "r", "c", "b", ",n", ",_f", "__f", "z#+.1f", ".f", "10.2q",
          "010x"]
values = [1 + 2j, 1j, 0j, -1j, complex(-0.0, 0.0), complex(-0.0, -0.0), complex(0.0, -0.0),
          complex(-0.0, 1.0), 12345.678 - 0.0005j, -1e20 + 1e-8j, 1234567.5 + 9876543.25j,
          complex(float("inf"), float("-inf")), complex(float("nan"), 1.0),
          complex(1.0, float("nan")), complex(0.0, float("inf")), 1e16 + 1e-300j,
          0.1 + 0.2j, complex(-2.5, 0.0), 999999.5 - 999999.5j]

for spec in specs:
    print(repr(spec), [format(z, spec) for z in values])

for spec in errors:
    for z in (1 + 2j, 1j):
        try:
            print(repr(spec), repr(format(z, spec)))
        except ValueError as e:
            print(repr(spec), "ValueError", e)

z = 3.14159 - 2.71828j
print(f"{z:.2f}", f"{z:>20.3e}", f"{z!r:>20}", f"{z:+g}", f"{z}", f"{z:,}")
w = 12
p = 4
print(f"{z:{w}.{p}}", f"{z:*^{w + 10}.{p}f}")
print("{:.1f} and {:^20} and {:e}".format(z, 1j, -z))
print("{0:_.3f}|{0}|{0:10}".format(1e6 + 2e6j))
print(format(z, ".2f") == z.__format__(".2f"), type(z.__format__("")))

try:
    print(f"{z:%}")
except ValueError as e:
    print("ValueError", e)
try:
    print("{:=10}".format(z))
except ValueError as e:
    print("ValueError", e)
for spec in ["__f", ",,f", "_,f", ",_f", ",,", "__", ",_", "_,"]:
    for x in (1.5, 1 + 2j, 7):
        try:
            print(repr(spec), repr(format(x, spec)))
        except ValueError as e:
            print(repr(spec), "ValueError", e)
for call in (lambda: (1j).__format__(5), lambda: (1j).__format__(), lambda: complex.__format__(1.5, "")):
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
print(complex.__format__(2j, ".1e"), (1+0j).__format__(""))
print(format(1+1j, "0"))
