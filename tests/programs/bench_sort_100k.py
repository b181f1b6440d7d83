def lcg_values(n: int, seed: int) -> list:
    out = []
    x = seed
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        out.append(x >> 40)
    return out


data = lcg_values(100_000, 42)
print(data[:5])
s = sorted(data)
print(s[:5], s[-3:])
print(all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
data.sort(reverse=True)
print(data[:3], data[-1] == s[0])
keyed = sorted(data, key=lambda v: v % 1000)
print(keyed[:5], len(keyed))
