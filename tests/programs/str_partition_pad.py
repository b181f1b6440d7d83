# partition/rpartition, zfill, center/ljust/rjust with fill characters (including
# non-ASCII and wide ones), and their argument errors.


def parts(s: str, sep: str) -> None:
    print(repr(s), s.partition(sep), s.rpartition(sep))


parts('key=value=more', '=')
parts('no separator', '=')
parts('', 'x')
parts('ééaéé', 'a')
parts('abcabc', 'abc')
for s in ['42', '-42', '+7', '', '-', 'abc', '3.14', '１２']:
    print(repr(s.zfill(6)), repr(s.zfill(0)), repr(s.zfill(-1)))
for width in [0, 3, 8, 9]:
    print(repr('abc'.center(width)), repr('abc'.center(width, '*')),
          repr('abc'.ljust(width, '·')), repr('abc'.rjust(width, '字')))
print(repr('ab'.center(5, '-')), repr('abc'.center(6, '-')), repr('é'.center(4, 'ü')))


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: 'a'.center(5, 'ab'))
t(lambda: 'a'.center(5, ''))
t(lambda: 'a'.ljust(5, 1))
t(lambda: 'a'.rjust('5'))
t(lambda: 'a'.partition(''))
t(lambda: 'a'.rpartition(1))
t(lambda: 'a'.zfill('3'))
t(lambda: 'a'.center())
