# Ends with an uncaught TypeError from str.translate: a mapping value that is neither an
# int, None nor a str.
table = str.maketrans({'a': 'b', 'c': None})
print('abcabc'.translate(table))
print('abc'.translate({ord('b'): 0x263a}))
print('abc'.translate({ord('b'): 1.5}))
