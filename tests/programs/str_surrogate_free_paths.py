# Text paths near lone surrogates that molt handles as CPython does: escaped or raw
# "\udcff" in literals, surrogateescape/surrogatepass on input that needs no surrogate,
# errors that never produce one, and the surrogate range in chr/format/translate errors.

import json


def show(label, f):
    try:
        print(label, ascii(f()))
    except Exception as e:
        print(label, "raises", type(e).__name__, e)


show("escaped", lambda: "\\udcff")
show("raw", lambda: r"\ud800\U0000dfff")
show("f-string raw", lambda: rf"{1}\udcff")
show("bytes", lambda: b"\udcff")
show("near the range", lambda: "\ud7ff\ue000\U0001f600")
show("valid surrogateescape", lambda: b"caf\xc3\xa9".decode("utf-8", "surrogateescape"))
show("valid surrogatepass", lambda: b"abc".decode("utf-8", "surrogatepass"))
show("ascii surrogateescape ok", lambda: b"plain".decode("ascii", "surrogateescape"))
show("latin-1 surrogateescape", lambda: b"a\xffb".decode("latin-1", "surrogateescape"))
show("encode surrogateescape", lambda: "abc".encode("utf-8", "surrogateescape"))
show("encode surrogatepass", lambda: "\xe9".encode("utf-8", "surrogatepass"))
show("encode ascii surrogateescape", lambda: "\xe9".encode("ascii", "surrogateescape"))
show("encode ascii surrogatepass", lambda: "\xe9".encode("ascii", "surrogatepass"))
show("encoded surrogate, replace", lambda: b"\xed\xa0\x80".decode("utf-8", "replace"))
show("encoded surrogate, strict", lambda: b"\xed\xa0\x80".decode("utf-8"))
show("encoded surrogate, ignore", lambda: b"x\xed\xb3\xbfy".decode("utf-8", "ignore"))
show("chr below", lambda: chr(0xD7FF))
show("chr above", lambda: chr(0xE000))
show("chr out of range", lambda: chr(0x110000))
show("format c", lambda: format(0xE000, "c"))
show("format c out of range", lambda: format(0x110000, "c"))
show("percent c", lambda: "%c" % 0xD7FF)
show("percent c out of range", lambda: "%c" % -1)
show("translate", lambda: "abc".translate({97: 0xE000}))
show("translate out of range", lambda: "abc".translate({97: 0x110000}))
show("json pair", lambda: json.loads('"\\ud83d\\ude00"'))
show("json escaped", lambda: json.dumps("\U0001f600"))
