# str.maketrans in its three forms and str.translate with ints, strs, None, lists and
# LookupError fall-through, plus CPython's errors.


def rot13(s: str) -> str:
    a = 'abcdefghijklmnopqrstuvwxyz'
    table = str.maketrans(a + a.upper(), a[13:] + a[:13] + a.upper()[13:] + a.upper()[:13])
    return s.translate(table)


print(rot13('Hello, World!'), rot13(rot13('Round trip')))
t = str.maketrans('abc', 'xyz', 'd')
print(sorted(t.items()))
print('abcdabcd'.translate(t))
print(str.maketrans({'a': 'AA', 98: None, 'c': 100}))
print('abcabc'.translate(str.maketrans({'a': 'AA', 98: None, 'c': 100})))
print('héllo wörld'.translate({ord('é'): 'e', ord('ö'): 'oe'}))
print('abc'.translate([None, 'q']), 'abc'.translate({}), ''.translate({97: 'x'}))
print('a'.maketrans('a', 'b'), ''.maketrans('', ''))


class Upper:
    def __getitem__(self, k):
        if k > 120:
            raise IndexError(k)
        return k - 32


print('hello xyz'.translate(Upper()))


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: str.maketrans('ab', 'x'))
t(lambda: str.maketrans(1, 'x'))
t(lambda: str.maketrans('a', 1))
t(lambda: str.maketrans('a', 'b', 3))
t(lambda: str.maketrans({'ab': 1}))
t(lambda: str.maketrans({1.5: 1}))
t(lambda: str.maketrans('ab'))
t(lambda: str.maketrans())
t(lambda: 'abc'.translate({97: 0x110000}))
t(lambda: 'abc'.translate({97: -1}))
t(lambda: 'abc'.translate({97: 1.5}))
t(lambda: 'abc'.translate(5))
t(lambda: 'abc'.translate())
