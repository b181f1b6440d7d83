# hash() equalities CPython guarantees (str hashes are randomized per process, so only
# equalities and the zeros are printed): hash("") and hash(b"") are 0, and a str hashes as
# the bytes of its storage (PEP 393: latin-1, UCS-2 or UCS-4, little-endian).
print(hash(""), hash(b""), hash(bytes()), hash("a"[1:]), hash(b"x"[:0]))
print(hash(()) == hash(()), hash(("",)) == hash((b"",)))

cases = ["a", "abc", "hello world", "x" * 100, "\x00", "\x7f", "é", "café", "\xff" * 9,
         "€", "naïve €", "\u0100", "\uffff", "日本語", "😀", "a😀", "é😀", "\U0010ffff"]

def storage(s):
    m = max(map(ord, s))
    width = 1 if m < 256 else 2 if m < 65536 else 4
    out = []
    for c in s:
        out.extend((ord(c) >> (8 * k)) & 255 for k in range(width))
    return bytes(out)

for s in cases:
    b = storage(s)
    print(ascii(s), hash(s) == hash(b), hash(s) == hash(s.encode("utf-8")) if max(map(ord, s)) < 128 else "-",
          hash(s) == hash(s + ""), hash(b) == hash(bytes(b)))

# Equal-hash keys stay distinct keys: str and bytes are never equal.
d = {"abc": 1, b"abc": 2, "": 3, b"": 4, 0: 5}
print(len(d), d["abc"], d[b"abc"], d[""], d[b""], d[0])
s = {"é", b"\xe9", "€", b"\xac\x20"}
print(hash("é") == hash(b"\xe9"), hash("€") == hash(b"\xac\x20"), hash("é") == hash("é".encode()))
print(len(s))
print(hash("") == hash(0) == hash(b"") == hash(False) == hash(0.0))
