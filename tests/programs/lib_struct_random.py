# struct: thousands of seeded random pack/unpack round trips; checksums of the bytes and of
# the values (and a sample of each) are compared with CPython's.
import random
import struct

rng = random.Random(20261205)
M = 2**61 - 1

INT_RANGES = {"b": (-128, 127), "B": (0, 255), "h": (-32768, 32767), "H": (0, 65535),
              "i": (-2**31, 2**31 - 1), "I": (0, 2**32 - 1), "l": (-2**31, 2**31 - 1),
              "L": (0, 2**32 - 1), "q": (-2**63, 2**63 - 1), "Q": (0, 2**64 - 1)}
NATIVE = {"l": (-2**63, 2**63 - 1), "L": (0, 2**64 - 1), "n": (-2**63, 2**63 - 1),
          "N": (0, 2**64 - 1), "P": (0, 2**64 - 1)}


def value_for(prefix, c):
    if c in "efd":
        kind = rng.randrange(4)
        if kind == 0:
            return rng.uniform(-70000.0, 70000.0) if c == "e" else rng.uniform(-1e30, 1e30)
        if kind == 1:
            return rng.randrange(-2048, 2048) / 16
        if kind == 2:
            return rng.random() * 2.0 ** rng.randrange(-30, 16)
        return struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
    if c == "?":
        return rng.choice([0, 1, 2, "", "x", None, [], [1]])
    if c == "c":
        return bytes([rng.randrange(256)])
    if c in "sp":
        return bytes(rng.randrange(256) for _ in range(rng.randrange(6)))
    lo, hi = (NATIVE if prefix in "@" and c in NATIVE else INT_RANGES)[c]
    if rng.random() < 0.1:
        return rng.choice([lo - 1, hi + 1, lo, hi])
    return rng.randint(lo, hi)


def checksum(acc, data):
    return (acc * 1000003 + int.from_bytes(data, "little") + len(data)) % M


codes_std = "bBhHiIlLqQ?cefdsp"
codes_native = codes_std + "nNP"
byte_sum = 0
value_sum = 0
errors = {}
packed = 0
for trial in range(3000):
    prefix = rng.choice(["", "@", "=", "<", ">", "!"])
    codes = codes_native if prefix in ("", "@") else codes_std
    fmt = prefix
    values = []
    for _ in range(rng.randrange(1, 5)):
        c = rng.choice(codes)
        n = rng.randrange(1, 4)
        if c in "sp":
            fmt += "%d%s" % (n + 2, c)
            values.append(value_for(prefix, c))
        else:
            fmt += ("%d" % n if n > 1 else "") + c
            values.extend(value_for(prefix, c) for _ in range(n))
        if rng.random() < 0.2:
            fmt += "x"
    try:
        data = struct.pack(fmt, *values)
    except (struct.error, OverflowError) as e:
        key = type(e).__name__ + ": " + str(e)
        errors[key] = errors.get(key, 0) + 1
        continue
    packed += 1
    assert len(data) == struct.calcsize(fmt)
    back = struct.unpack(fmt, data)
    again = struct.pack(fmt, *[(b if b == b else 0.0) for b in back])
    byte_sum = checksum(byte_sum, data)
    value_sum = checksum(value_sum, repr(back).encode())
    if again != data and not any(x != x for x in back if isinstance(x, float)):
        print("round trip differs", fmt, data.hex(), again.hex())
    if trial % 250 == 0:
        print(trial, repr(fmt), data.hex(), back)
print("packed", packed, "bytes", byte_sum, "values", value_sum)
for key in sorted(errors):
    print(errors[key], key)

# Iterated unpacking of a long random buffer in each byte order.
blob = bytes(rng.randrange(256) for _ in range(4096))
for fmt in ["<hHiq", ">hHiq", "@bq", "<ef", ">d", "@?4s"]:
    size = struct.calcsize(fmt)
    total = 0
    for t in struct.iter_unpack(fmt, blob[: len(blob) // size * size]):
        total = checksum(total, repr(t).encode())
    print(fmt, size, total)
