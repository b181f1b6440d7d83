# A str literal may denote a lone surrogate in CPython; molt's str is UTF-8 text.
MARK = "\udcff"  # unsupported: a str literal with a lone surrogate (U+DCFF)
HIGH = f"{MARK}\ud83d!"  # unsupported: lone surrogate (U+D83D)
LOW = f"""{MARK}
\uDE00"""  # unsupported: lone surrogate (U+DE00)
ESCAPED = "\\udcff"  # a backslash and "udcff": fine
RAW = r"\ud800"  # a raw string has no escapes: fine
DATA = b"\udcff"  # bytes have no \u escape: fine


def show(s: str) -> None:
    print(len(s), ascii(s))


show(MARK)
show(HIGH)
show(LOW)
show(ESCAPED + RAW)
print(DATA)
