# A parameter annotated `str` is checked once on entry: a str runs the body compiled for
# str (methods without lookup, indexing inline), anything else (another type, an instance
# of a subclass of str, None) runs the generic copy and behaves as in CPython.


class Shout(str):
    def upper(self):
        return "SHOUT:" + str.upper(self)

    def __getitem__(self, i):
        return "item" + str(i)


def describe(s: str, sep: str) -> str:
    parts = s.split(sep)
    first = s[0] if s else "?"
    return f"{len(parts)} {first} {s.upper()} {s.find(sep)} {sep.join(reversed(parts))}"


def scan(text: str) -> int:
    n = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c.isdigit():
            n += int(c)
        elif c == "-":
            n -= 1
        i += 1
    return n


def try_call(f, *args):
    try:
        return f(*args)
    except Exception as e:
        return type(e).__name__ + ": " + str(e)


def main() -> None:
    print(describe("a,b,c", ","))
    print(describe("", ","))
    print(try_call(describe, Shout("x-y"), "-"))
    print(try_call(describe, ["a", "b"], ","))
    print(try_call(describe, None, ","))
    print(try_call(describe, b"a,b", b","))
    print(try_call(describe, "a,b", None))
    print(try_call(describe, "a,b", ""))
    print(scan("1-2-3x9"), scan(""), try_call(scan, 123), try_call(scan, ["1", "2"]))
    print(scan(Shout("12")), scan("١٢"))
    total = 0
    for i in range(300):
        total += scan(str(i) + "-" + str(i * 3))
    print(total)


main()
