import itertools
from itertools import (
    accumulate, chain, combinations, combinations_with_replacement, compress, count,
    cycle, dropwhile, filterfalse, groupby, islice, pairwise, permutations, product,
    repeat, starmap, takewhile, tee, zip_longest,
)
import operator

print(list(islice(count(), 5)), list(islice(count(10, -3), 4)), list(islice(count(0.5, 0.25), 3)))
c = count(5)
next(c)
print(repr(c), repr(count(2, 3)), repr(count(1.5)), repr(repeat("x", 2)), repr(repeat(0)))
print(list(repeat(7, 3)), list(repeat(1, -2)), list(zip(range(3), repeat("a"))))
cy = cycle("abc")
print([next(cy) for _ in range(7)], list(islice(cycle([]), 3)))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2, 3], operator.mul, initial=10)), list(accumulate([])))
print(list(chain("ab", [1, 2], ())), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a"])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(pairwise("ABCDE")), list(pairwise("A")))
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([(k, len(list(g))) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
groups = groupby("aabbc")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2), [k for k, _ in groups])
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)), list(islice("ABCDEFG", 0, None, 2)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
print(list(permutations("ABC")), list(permutations(range(4), 2))[:5], list(permutations("AB", 3)))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations("A", 2)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement([], 1)))
print(list(product("AB", "xy")), list(product(range(2), repeat=3)), list(product()))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest([1], [], [3, 4])))
a, b, c3 = tee(iter([1, 2, 3]), 3)
print(next(a), list(b), list(a), list(c3), len(tee("x", 0)))
print(type(count()).__name__, type(chain()).__module__, type(groupby("")).__name__)
print(sum(1 for _ in product(range(5), repeat=4)), len(list(permutations(range(6)))))
try:
    list(islice("abc", -1))
except ValueError as e:
    print("ValueError:", e)
try:
    list(permutations("abc", -1))
except ValueError as e:
    print("ValueError:", e)
list(chain([1], 5))
