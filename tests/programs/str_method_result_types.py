# Methods of an exact str have known result types (str, list, int, bool, a 3-tuple): the
# results then take the typed paths (list indexing, int comparisons, bool tests). Receivers
# that are not exact strs (a subclass overriding the method, another type) keep theirs.
import heapq


class Loud(str):
    def split(self, sep: object = None, maxsplit: int = -1) -> list:
        return ["overridden"]

    def find(self, sub: str, *args: object) -> str:  # type: ignore[override]
        return "not an int"


def run(n: int) -> int:
    line = " ".join(["alpha", "beta", "gamma", "delta", "epsilon"])
    hits = 0
    for i in range(n):
        parts = line.split(" ")
        parts.append("zeta")
        joined = ",".join(parts)
        if joined.find("delta") > 0 and joined.startswith("alpha"):
            hits += len(parts[i % 6]) + parts.index("gamma")
        head, sep, tail = joined.partition(",")
        hits += len(head) + len(tail) - len(sep)
        if joined.rfind("zz") < 0 and not joined.isdigit():
            hits += joined.count("a")
    return hits


print(run(50))
s = "a-b-c"
parts = s.split("-")
print(parts, parts[-1], parts[0:2], len(parts), s.rsplit("-", 1), "x\ny".splitlines())
print(s.find("b"), s.find("z"), s.find("b", 3), s.find("-", -2), s.rfind("-"), s.count("-"))
print(s.upper().lower().strip("a").lstrip("-").rstrip("c"), s.replace("-", "+", 1).zfill(8))
print(s.removeprefix("a-").removesuffix("-c"), s.center(9, "*"), s.ljust(7, "."), s.rjust(7))
print(s.title(), s.capitalize(), s.swapcase(), s.casefold(), "a\tb".expandtabs(4))
print(s.partition("-"), s.rpartition("-"), s.partition("z"), s.startswith(("x", "a")))
print("12".isdigit() + "ab".isalpha(), "A".isupper() and "a".islower(), "x1".isidentifier())
for bad in (lambda: s.index("z"), lambda: s.split(""), lambda: s.find(1), lambda: s.join([1])):
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
loud = Loud("a b")
print(loud.split(" "), loud.find("b"), type(loud.upper()).__name__, loud.join(["x", "y"]))
print(type("".join([loud])).__name__, "".join([loud]) == "a b")
h: list[tuple[int, str]] = []
for w in line_words if (line_words := "pear fig apple fig".split()) else []:
    heapq.heappush(h, (len(w), w))
print([heapq.heappop(h) for _ in range(len(h))])
print(heapq.nsmallest(2, "b a c".split()), heapq.heappop(["only"]))
try:
    heapq.no_such_function([])
except AttributeError as e:
    print("AttributeError", e)
