# Calling a builtin type's method on the wrong type: slot wrappers and method descriptors
# word the TypeError differently.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: int.__add__('a', 1))
t(lambda: int.__neg__(1.5))
t(lambda: str.__len__(5))
t(lambda: list.__len__((1,)))
t(lambda: float.__add__(1, 2.0))
t(lambda: dict.__getitem__([], 1))
t(lambda: list.__getitem__({}, 0))
t(lambda: str.upper(1))
t(lambda: list.append((1,), 2))
t(lambda: dict.keys([]))
t(lambda: int.__add__())
t(lambda: str.upper())
t(lambda: str.__contains__())
t(lambda: set.add(frozenset(), 1))
t(lambda: (int.__add__(True, 2), bool.__repr__(True), str.__len__('abc'), list.__len__([1])))
t(lambda: (str.join(',', ['a', 'b']), list.index([5, 6], 6), dict.get({'a': 1}, 'a')))
