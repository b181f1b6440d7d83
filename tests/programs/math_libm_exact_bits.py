# Every math function gives the same bits as CPython (which calls the C library).
import math
xs = [i * 0.37 - 7.3 for i in range(60)] + [27.0, 8.0, 1e-300, 1e300, 0.5, 123456.789, 2.0 ** 0.5]
fns = [("sin", math.sin), ("cos", math.cos), ("tan", math.tan), ("asin", math.asin), ("acos", math.acos), ("atan", math.atan), ("sinh", math.sinh), ("cosh", math.cosh), ("tanh", math.tanh), ("asinh", math.asinh), ("acosh", math.acosh), ("atanh", math.atanh), ("exp", math.exp), ("exp2", math.exp2), ("expm1", math.expm1), ("log", math.log), ("log2", math.log2), ("log10", math.log10), ("log1p", math.log1p), ("sqrt", math.sqrt), ("cbrt", math.cbrt), ("erf", math.erf), ("erfc", math.erfc)]
for name, f in fns:
    bad = 0
    out = []
    for x in xs:
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(name, " ".join(out))
for x in xs:
    print(repr(math.cbrt(x)), repr(math.atan2(x, 1.3)), repr(math.pow(abs(x), 0.3)), repr(math.hypot(x, 2.5)), repr(x ** 0.7 if x > 0 else 0))
