# An uncaught UnicodeTranslateError from a table-driven transliteration.

TABLE = {"a": "4", "e": "3", "o": "0", " ": "_"}


def translate(text):
    out = []
    for i, ch in enumerate(text):
        if ch.isascii():
            out.append(TABLE.get(ch, ch))
        else:
            raise UnicodeTranslateError(text, i, i + 1, "no ASCII form")
    return "".join(out)


print(translate("hello world"))
try:
    translate("na\u00efve")
except UnicodeError as e:
    print("caught:", e, e.start, e.end)
translate("caf\u00e9 cr\u00e8me")
