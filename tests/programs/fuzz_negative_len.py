# Found by the differential fuzzer (feature `negative_len`), fixed since: list() of a sequence-protocol object
# whose __len__ is negative (CPython checks the length hint).
# CPython 3.11: ValueError __len__() should return >= 0 (twice), then [0, 10, 20] [0, 10, 20]
# molt before the fix:         the second line is [0, 10, 20]
class S:
    def __init__(self, v):
        self.v = v
    def __len__(self):
        return self.v
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
try:
    print(len(S(-2)))
except ValueError as e:
    print("ValueError", e)
try:
    print(list(S(-2)))
except ValueError as e:
    print("ValueError", e)
print(list(S(5)), list(S(0)))
