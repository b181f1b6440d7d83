# Ends with an uncaught TypeError: slice objects are unhashable in Python 3.11.
s = slice(1, 5, 2)
print(s, s.indices(10), s == slice(1, 5, 2))
cache = {}
cache[s] = 'x'
