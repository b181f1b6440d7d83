# Strings: split, join and find.
def run(n: int) -> int:
    words = ["alpha", "beta", "gamma", "delta", "epsilon"]
    line = " ".join(words)
    hits = 0
    for i in range(n):
        parts = line.split(" ")
        joined = ",".join(parts)
        if joined.find("delta") > 0:
            hits += len(parts[i % 5])
    return hits


print(run(2_000_000))
