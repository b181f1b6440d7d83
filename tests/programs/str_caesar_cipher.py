def shift_char(c: str, k: int) -> str:
    if "a" <= c <= "z":
        return chr((ord(c) - ord("a") + k) % 26 + ord("a"))
    if "A" <= c <= "Z":
        return chr((ord(c) - ord("A") + k) % 26 + ord("A"))
    return c


def caesar(text: str, k: int) -> str:
    return "".join(shift_char(c, k) for c in text)


msg = "Hello, World! Zebra xylophone."
for k in [1, 3, 13, 25, -1]:
    enc = caesar(msg, k)
    print(k, enc, caesar(enc, -k) == msg)
counts = {}
for c in msg.lower():
    if c.isalpha():
        counts[c] = counts.get(c, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
print(caesar("abc", 26 * 100 + 2))
