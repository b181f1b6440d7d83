# float.hex() and float.fromhex(): exact hexadecimal floats, correctly rounded parsing.
def fh(s: str) -> str:
    try:
        return repr(float.fromhex(s))
    except (ValueError, OverflowError) as e:
        return type(e).__name__ + ": " + str(e)


values = [0.0, -0.0, 1.0, 0.1, -2.5, 1e300, 5e-324, 2.2250738585072014e-308,
          2.225073858507201e-308, 1.7976931348623157e308, 3.141592653589793,
          float("inf"), float("-inf"), 1 / 3, 2.0**-1070, 123456789.0]
for x in values:
    h = x.hex()
    print(repr(x), h, float.fromhex(h) == x)
print(float("nan").hex())

texts = ["0x1.8p1", "0X1P-1074", "0x1p-1075", "0x3p-1076", "0x1.fffffffffffff8p1023",
         "0x1.fffffffffffff7p1023", "  -0x.8p+1  ", "inf", "-Infinity", "nan", "1p0",
         "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1.000000000000080001p0",
         "ff.8", "1.", ".1", "0x0p99999", "0x1p-99999999999999999999",
         "0x1p99999999999999999999", "0xg", "0x1p", "0x1p+", "", "0x.p1", "0x1_0p0"]
for t in texts:
    print(repr(t), fh(t))
