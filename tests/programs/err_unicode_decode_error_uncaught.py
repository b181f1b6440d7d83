# An uncaught UnicodeDecodeError built by hand from a memoryview (its object becomes bytes),
# after a caught UnicodeEncodeError whose fields are read back.


def checked_ascii(text):
    for i, ch in enumerate(text):
        if ord(ch) > 127:
            raise UnicodeEncodeError("ascii", text, i, i + 1, "not ASCII")
    return text.encode("ascii")


def parse_record(raw):
    view = memoryview(raw)
    for i, b in enumerate(raw):
        if b == 0xFF:
            raise UnicodeDecodeError("record", view, i, i + 1, "reserved byte")
    return raw.decode("ascii")


print(checked_ascii("plain"))
try:
    checked_ascii("na\u00efve")
except UnicodeError as e:
    print("caught:", e, "|", e.encoding, e.object, e.start, e.end, e.reason, vars(e))
print(parse_record(b"ok"))
parse_record(b"ab\xffcd")
