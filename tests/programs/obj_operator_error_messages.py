# The TypeError (and other) messages of every binary operator and of the unary operators
# and conversion builtins across the builtin types; ord() of a one-byte bytes; None | None.
def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, "!", type(e).__name__, e)
vals = [5, 1.5, "a", b"b", [1], (1,), {1: 2}, {1}, None, 1j, True, range(2), len]
ops = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b), ("/", lambda a, b: a / b), ("//", lambda a, b: a // b), ("%", lambda a, b: a % b), ("**", lambda a, b: a ** b), ("<<", lambda a, b: a << b), ("&", lambda a, b: a & b), ("|", lambda a, b: a | b), ("@", lambda a, b: a @ b), ("<", lambda a, b: a < b), ("divmod", divmod)]
import itertools
for (n, op) in ops:
    for a, b in itertools.product(vals, vals):
        try:
            op(a, b)
        except Exception as e:
            print(n, type(a).__name__, type(b).__name__, type(e).__name__, e)
for v in vals:
    for n, f in [("neg", lambda x: -x), ("pos", lambda x: +x), ("inv", lambda x: ~x), ("abs", abs), ("len", len), ("iter", iter), ("next", next), ("hash", hash), ("int", int), ("float", float), ("complex", complex), ("round", round), ("index", lambda x: [1][x]), ("getitem0", lambda x: x[0]), ("call", lambda x: x()), ("bool", bool), ("reversed", reversed), ("sorted", sorted), ("bytes", bytes), ("ord", ord), ("chr", chr), ("hex", hex), ("setitem", lambda x: x.__setitem__(0, 0) if False else None)]:
        try:
            f(v)
        except Exception as e:
            print(n, type(v).__name__, type(e).__name__, e)
def aug():
    x = "a"
    x -= 1
t("aug sub", aug)
def aug2():
    x = [1]
    x *= "a"
t("aug mul list str", aug2)
def aug3():
    x = (1,)
    x += [2]
t("aug tuple list", aug3)
def aug4():
    x = 1
    x @= 2
t("aug matmul", aug4)
for v in [b"b", b"", b"ab", bytearray(b"c"), bytearray(b"cd"), "", "ab", memoryview(b"a")]:
    t(f"ord {type(v).__name__} {len(v)}", lambda: ord(v))
for a, b in [(None, None), (None, int), (int, None), (None, "a"), ("a", None), (None, 1), (list[int], None), (None, list[int])]:
    t(f"{a} | {b}", lambda: a | b)
