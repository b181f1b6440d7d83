# split(), strip() and splitlines() with Unicode whitespace: str.isspace decides which
# characters separate words (ZERO WIDTH SPACE does not, U+001C..U+001F do).

text = 'a\u3000b\xa0c\u2003d\u200be\x1cf\x1dg\x85h\u2028i\tj'
print(text.split())
print(text.split(None, 3))
print(text.rsplit(None, 2))
print(repr('\u3000\xa0 padded \u2009\n'.strip()), repr('\u200bx\u200b'.strip()))
print(repr('\x1c\x1dx\x1e\x1f'.strip()), repr('\u180e x \u180e'.strip()))
print('one\u2028two\u2029three\x85four\x1cfive\x1dsix\x1eseven\rx\r\ny'.splitlines())
print('a\x0bb\x0cc'.splitlines(keepends=True))
print(int('\u3000 42 \u2003'), float('\xa01.5\u2009'))
words = 'the\u2002quick\u2003brown fox'.split()
print(len(words), words)
