# Methods called on a value the compiler knows is a str (a literal, the result of `join`,
# an f-string, `str(...)`) take a direct runtime entry; results, errors and their messages
# must be CPython's.


WORDS = ["alpha", "beta", "gamma", "delta"]


class Loud(str):
    def split(self, sep=None):
        return ["loud", sep]


def e_split_int():
    line = " ".join(WORDS)
    return line.split(1)


def e_split_empty():
    line = " ".join(WORDS)
    return line.split("")


def e_find_none():
    line = " ".join(WORDS)
    return line.find(None)


def e_find_noargs():
    line = " ".join(WORDS)
    return line.find()


def e_join_ints():
    line = " ".join(WORDS)
    return ",".join([1, 2])


def e_join_notiter():
    line = " ".join(WORDS)
    return ",".join(5)


def e_index_missing():
    line = " ".join(WORDS)
    return line.index("zzz")


def e_startswith_list():
    line = " ".join(WORDS)
    return line.startswith(["a"])


def e_replace_one():
    line = " ".join(WORDS)
    return line.replace("a")


def e_upper_arg():
    line = " ".join(WORDS)
    return line.upper(1)


def e_zfill_str():
    line = " ".join(WORDS)
    return line.zfill("3")


def e_count_range():
    line = " ".join(WORDS)
    return line.count("a", 3)


def e_encode_bad():
    line = " ".join(WORDS)
    return line.encode("no-such-codec")


def errors() -> None:
    for label, f in (
        ("split-int", e_split_int),
        ("split-empty", e_split_empty),
        ("find-none", e_find_none),
        ("find-noargs", e_find_noargs),
        ("join-ints", e_join_ints),
        ("join-notiter", e_join_notiter),
        ("index-missing", e_index_missing),
        ("startswith-list", e_startswith_list),
        ("replace-one", e_replace_one),
        ("upper-arg", e_upper_arg),
        ("zfill-str", e_zfill_str),
        ("count-range", e_count_range),
        ("encode-bad", e_encode_bad),
    ):
        try:
            print(label, repr(f()))
        except Exception as e:
            print(label, type(e).__name__, e)


def main() -> None:
    words = ["alpha", "beta", "gamma", "delta"]
    line = " ".join(words)
    print(line.split(" "), line.split(), line.split(" ", 1), line.rsplit(" ", 2))
    joined = ",".join(line.split(" "))
    print(joined, joined.find("delta"), joined.rfind("a"), joined.count("a"))
    print(joined.startswith("alpha"), joined.endswith(("x", "delta")), joined.index("beta"))
    print(joined.replace(",", ";"), joined.replace(",", ";", 2), joined.upper().lower())
    print(f"  {line}  ".strip(), f"xx{line}yy".strip("xy"), f"{line}!".partition(" "))
    print(line.removeprefix("alpha "), line.center(30, "*"), line.zfill(25), line.title())
    print("{} and {}".format(1, 2), "{0}-{0}".format("a"), "a\tb".expandtabs(4))
    print(line.encode(), line.splitlines(), "x\ny".splitlines(True), line.isascii())
    # Errors: messages as through the generic call.
    errors()
    # Arguments that are temporaries (moved into the call) and receivers built per iteration.
    total = 0
    for i in range(200):
        s = str(i) + "-" + str(i * 7)
        parts = s.split("-")
        total += len(parts[1]) + s.find(str(i % 10)) + len(",".join([s, s.upper()]))
    print(total)
    # A str subclass keeps its own methods: it is not typed `str`.
    loud = Loud("a b")
    print(loud.split(" "), loud.upper(), str(loud).split(" "))


main()
