# The TypeErrors of str methods called with missing, extra or mistyped arguments: CPython
# words them differently by how each method parses its arguments.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


s = 'abcabc'
t(lambda: s.find())
t(lambda: s.find(1))
t(lambda: s.find('a', 1.5))
t(lambda: s.find('a', 1, 2, 3))
t(lambda: s.count(x=1))
t(lambda: s.count('b', -100, 2**100))
t(lambda: s.index('z'))
t(lambda: s.startswith(1))
t(lambda: s.endswith(('c', 1)))
t(lambda: s.split(1))
t(lambda: s.split(x=1))
t(lambda: s.split(''))
t(lambda: s.rsplit('b', 'x'))
t(lambda: s.splitlines(1.5))
t(lambda: s.join(5))
t(lambda: s.join([1]))
t(lambda: s.join())
t(lambda: s.strip(1))
t(lambda: s.strip('a', 'b'))
t(lambda: s.replace(1, 'x'))
t(lambda: s.replace('a', 1))
t(lambda: s.replace('a'))
t(lambda: s.replace('a', 'b', c=1))
t(lambda: s.upper(1))
t(lambda: s.isdigit(x=1))
t(lambda: s.partition(1))
t(lambda: s.partition(''))
t(lambda: s.rpartition())
t(lambda: s.zfill('x'))
t(lambda: s.center())
t(lambda: s.center(9, 1))
t(lambda: s.ljust(9, 'ab'))
t(lambda: s.rjust(9, x=1))
t(lambda: s.expandtabs(x=1))
t(lambda: s.removeprefix(1))
t(lambda: s.removesuffix())
t(lambda: s.format_map())
t(lambda: s.translate(x=1))
t(lambda: s.casefold(1))
t(lambda: s.isidentifier(1, 2))
t(lambda: s.find('c', -2), )
t(lambda: (s.rfind('a', None, -1), s.rindex('b', 0, 5), s.count('', 2)))
