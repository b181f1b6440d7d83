# int() and float() accept Unicode decimal digits (category Nd) and Unicode whitespace.
def as_int(s: str, base: int) -> str:
    try:
        return repr(int(s, base))
    except ValueError as e:
        return "ValueError: " + str(e)


def as_float(s: str) -> str:
    try:
        return repr(float(s))
    except ValueError as e:
        return "ValueError: " + str(e)


texts = ["\u0661\u0662", "\uff11\uff12", " \u0663 ", "\u3000\u0663\u2003", "\uff11\u06623",
         "\u0663x", "\uff46\uff46", "\uff11_\uff12", "\u00b2", "\U0001d7cf\U0001d7d0",
         "\x85 5 \x1c", "5\x1c", "\x855", "5\u2028", "5\x0b", "-\u00a05", "+\u0665",
         "\u0660\u0663", "0\u0663", "", "\xa0", "\u07c0\u07c1", "\u0967\u0968\u0969",
         "\u0e51\u0e52", "\U0001e951", "0x\uff11", "\u0665e\u0662"]
for t in texts:
    print(repr(t), as_int(t, 10), as_int(t, 0), as_int(t, 16), as_float(t))

for t in ["\u0661.\u0665", "\uff11.\uff15", "\u0661e\u0663", "\u00a0 1.5\u2028", "inf\u3000",
          "\uff49\uff4e\uff46", "-\u0661.\u0665e-\u0663", "nan\u0661", "1.5 x",
          "\U0001d7cf.\U0001d7d0", "\u0661_\u0662.5"]:
    print(repr(t), as_float(t))

print("\u0661\u0662".isdecimal(), "\uff11\uff12".isdecimal(), "\u00b2".isdecimal(),
      "x".isdecimal(), "\U0001d7cf".isdecimal(), "\u07c0".isdecimal(), "".isdecimal())
print(int("\u0663", 4), int("  \u0661\u0660\u0660  ") + 1, float("\u0663.\u0661\u0664") * 2)
# Digits added after Unicode 14.0 (Kawi, Nag Mundari) are not digits in CPython 3.11.
for t in ["\U00011f51", "\U0001e4f1"]:
    print(t.isdecimal(), as_int(t, 10).startswith("ValueError"), as_float(t)[:10])
