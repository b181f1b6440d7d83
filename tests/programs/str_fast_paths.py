# The inline paths of str code: `==`/`!=` against a short str constant (identity, length,
# bytes) and the character tests `isdigit()`, `isalpha()`, ... called without the generic
# method dispatch. Every receiver or operand that is not an exact str must behave as before.


class Loud(str):
    """A str subclass whose `==` and tests say something else."""

    def __eq__(self, other):
        return "eq:" + str(other)

    def __ne__(self, other):
        return "ne:" + str(other)

    __hash__ = str.__hash__


class Quiet(str):
    """A str subclass that keeps str's comparison and tests."""


class Other:
    def __eq__(self, other):
        return other == "+"


# Methods bound by assignment, not by `def` in the class body: the compiler does not guess
# them as the targets of `.isdigit()` calls, which keep the str fast path.
def _loud_isdigit(self):
    return "overridden isdigit"


def _other_isalpha(self):
    return ["not", "a", "bool"]


Loud.isdigit = _loud_isdigit
Other.isalpha = _other_isalpha


def eq_plus(x):
    return x == "+"


def ne_plus(x):
    return x != "+"


def plus_eq(x):
    return "+" == x


def eq_long(x):
    return x == "sixteen-bytes-ab"


def ne_long(x):
    return x != "sixteen-bytes-ab"


def eq_mid(x):
    return x == "abcdefghijk"


def eq_empty(x):
    return x == ""


def eq_accent(x):
    return x == "é"


def eq_longer(x):
    return x == "seventeen-bytes-x"


def show(label, f, values):
    out = []
    for v in values:
        try:
            out.append(repr(f(v)))
        except Exception as e:
            out.append(f"{type(e).__name__}: {e}")
    print(label, " ".join(out))


values = ["+", "-", "", "++", "+ ", " +", "é", "e", Loud("+"), Quiet("+"), Quiet("-"), 1,
          1.0, None, True, b"+", ["+"], Other(), "sixteen-bytes-ab", "sixteen-bytes-ac",
          "abcdefghijk", "abcdefghijl", "bbcdefghijk", "abcdefghij", "seventeen-bytes-x",
          "sixteen-bytes-a\u00e9"]
made = "".join(["+"])
values.append(made)
values.append("sixteen-" + "bytes-ab")
values.append(chr(233))
values.append("abc" + "defghijk")

for label, f in [("==+", eq_plus), ("!=+", ne_plus), ("+==", plus_eq), ("==16", eq_long),
                 ("!=16", ne_long), ("==11", eq_mid), ("==''", eq_empty), ("==é", eq_accent),
                 ("==17", eq_longer)]:
    show(label, f, values)

# The result of a subclass's `__eq__` is returned as is (not a bool).
print(Loud("x") == "+", Loud("x") != "+", "+" == Loud("x"), "+" != Loud("x"))
# Attribute rebinding: the same site sees a str, then another type, then a str again.


class Holder:
    def __init__(self, op):
        self.op = op

    def is_plus(self):
        return self.op == "+"


h = Holder("+")
seen = [h.is_plus()]
h.op = 43
seen.append(h.is_plus())
h.op = Loud("+")
seen.append(h.is_plus())
h.op = "+"
seen.append(h.is_plus())
print(seen)

# Character tests, on exact strs (ASCII and not), str subclasses and other types.
tests = ["isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace"]
samples = ["", "0", "123", "12a", "a", "abc", "ABC", "aB3", " ", " \t\n\r\x0b\x0c", "\x1c\x1f",
           "\x85", "\xa0", "²", "½", "٣", "Ⅻ", "é", "ß", "日本", "a b", "_", "-1", "1.5", "\x00",
           "\u3000", "\u2028", "𝟘", "ǅ"]
calls = [lambda v: v.isdigit(), lambda v: v.isdecimal(), lambda v: v.isnumeric(),
         lambda v: v.isalpha(), lambda v: v.isalnum(), lambda v: v.isspace()]
for name, f in zip(tests, calls):
    row = []
    for s in samples:
        r = f(s)
        assert r == getattr(s, name)()
        row.append("1" if r is True else "0" if r is False else "?")
    print(name, "".join(row))


def tests_of(x):
    out = []
    for f in calls:
        try:
            out.append(repr(f(x)))
        except Exception as e:
            out.append(f"{type(e).__name__}: {e}")
    return out


for x in [Loud("12"), Quiet("12"), Quiet(""), b"12", b"ab", bytearray(b" "), 12, None]:
    print(type(x).__name__, tests_of(x))

o = Other()
print(o.isalpha())


def count_kinds(text):
    digits = alphas = spaces = others = 0
    for c in text:
        if c.isdigit():
            digits += 1
        elif c.isalpha():
            alphas += 1
        elif c.isspace():
            spaces += 1
        else:
            others += 1
    return digits, alphas, spaces, others


print(count_kinds("let x1 = 42 + y_2 # café ½ ٣\n"))
try:
    "a".isdigit(1)
except TypeError as e:
    print(type(e).__name__, e)

# Every ASCII character through each test (one-character strs are tested inline).
for name, f in zip(tests, calls):
    bits = "".join("1" if f(chr(i)) else "0" for i in range(128))
    print(name, bits)


# The receiver a temporary (its reference moves into the call).
def temp_tests(text):
    out = []
    for i in range(len(text)):
        out.append((text[i].isdigit(), text[i:i + 2].isalpha(), (text[i] * 2).isspace()))
    return out


print(temp_tests("a1 \t\x1cé²"))
