# `s[i]` on a str: an ASCII str indexed by a small int in range reads the character
# inline; everything else (negative indexes from the end, out of range, non-ASCII text,
# bools, big ints, other index types, str subclasses) must behave as in CPython.


class Tagged(str):
    def __getitem__(self, i):
        return "tag" + str(i)


def index_all(s: str) -> list:
    out = []
    for i in range(-len(s), len(s)):
        out.append(s[i])
    return out


def probe(s, i):
    try:
        return s[i]
    except (IndexError, TypeError) as e:
        return type(e).__name__ + ": " + str(e)


def count_spaces(text):
    n = 0
    i = 0
    while i < len(text):
        if text[i] == " ":
            n += 1
        i += 1
    return n


def main() -> None:
    ascii_text = "hello, world"
    print(index_all(ascii_text))
    print(index_all("héllo→ü"))
    print(index_all(""), index_all("x"))
    for i in (0, 5, -1, -12, 12, -13, 100, True, False, 2**70, -(2**70), 1.0, None, "a"):
        print(repr(i), probe(ascii_text, i), probe("naïve", i))
    print(probe(Tagged("abc"), 1), probe([1, 2, 3], 1), probe((4, 5), -1), probe(b"ab", 0))
    print(count_spaces("a b  c   d" * 50), count_spaces(" é " * 20))
    chars = [ascii_text[i] for i in range(len(ascii_text))]
    print("".join(chars), chars[0] is ascii_text[0], ascii_text[3] == "l")
    s = "".join(chr(i) for i in range(128))
    print(all(s[i] == chr(i) for i in range(128)), [s[i] for i in (0, 10, 127)])


main()
