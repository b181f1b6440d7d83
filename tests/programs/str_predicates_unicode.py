# isalpha/isdecimal/isdigit/isnumeric/isalnum/isspace/isprintable/isupper/islower on
# characters where the Unicode categories matter (CPython 3.11: Unicode 14.0).

samples = ['a', 'Z', 'é', 'ß', 'ǅ', 'ª', 'ʰ', '\u0902', '\u0301', '5', '٣', '۳', '߃', '²',
           '⑤', '½', 'Ⅻ', '一', '五', '〇', '𝟘', '𐒠', ' ', '\t', '\x1c', '\x85', '\xa0',
           '\u2007', '\u200b', '\u3000', '\u2028', '\ufeff', '\ue000', '😀', '_', '-']


def flags(c: str) -> str:
    tests = [c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isalnum(),
             c.isspace(), c.isprintable(), c.isupper(), c.islower(), c.istitle()]
    return ''.join('1' if x else '.' for x in tests)


for c in samples:
    print('U+%04X' % ord(c), flags(c))

print('٣٤٥'.isdecimal(), int('٣٤٥'), '²³'.isdigit(), '½⅓'.isnumeric(), '½'.isdigit())
print('abc١٢٣'.isalnum(), 'ab c'.isalnum(), ''.isalpha(), ''.isspace(), ''.isprintable())
print(' \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u3000'.isspace())
print('\u200b\u180e'.isspace(), 'a\u0301'.isalpha(), 'Ⅻ'.isalpha(), 'ⅻ'.islower())
