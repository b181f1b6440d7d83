# repr/str of floats: the shortest round-tripping digits, ties broken to even (as CPython).
def show(x: float) -> str:
    return repr(x) + " " + str(x) + " " + f"{x}" + " " + format(x, "") + " " + "%r" % x


ties = [613104025806255.25, 581150160277993.25, 1125899906842624.5, 2251799813685248.5,
        4503599627370495.5, 562949953421312.25, 0.5, 2.5, 1e23, 9007199254740993.0,
        123456789012345.125, 70368744177664.125]
for x in ties:
    print(show(x), show(-x))
for k in range(45, 53):
    x = 2.0**k + 0.25 * (k % 4 + 1)
    print(k, repr(x), repr(x * 3), repr(x / 8))
n = 21851820056458310770149321181986531114115502890931089268018174517622824213966
d = 35640962013908834153778429823434437127316090497373437046085628542
print(n / d, -n / d, (n + 1) / d)
total = 0.0
for i in range(1, 30):
    total += 2.0**40 / i
    print(i, total)
