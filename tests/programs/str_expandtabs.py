# str.expandtabs: columns restart after newlines and carriage returns, default size 8,
# zero and negative sizes remove tabs.

lines = ['a\tb\tc', '\t', 'abcdefgh\tx', 'ab\r\tc', 'x\ny\tz', '\t\t|', 'é\tü', '']
for s in lines:
    print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(1)),
          repr(s.expandtabs(0)), repr(s.expandtabs(-3)))


def table(rows: list) -> str:
    return '\n'.join('\t'.join(r) for r in rows).expandtabs(6)


print(table([['name', 'qty'], ['apple', '3'], ['kiwi', '12']]))
print('a\tb'.expandtabs(tabsize=3))
try:
    print('a\tb'.expandtabs('x'))
except TypeError as e:
    print('TypeError', e)
