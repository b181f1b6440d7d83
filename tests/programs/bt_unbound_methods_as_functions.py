# Unbound methods of builtin types used as ordinary functions: map, sorted keys, reduce-like
# loops, and methods taken from values.

words = ['banana', 'Apple', 'cherry', 'apple']
print(list(map(str.upper, words)), list(map(str.title, ['ǆemal', 'ßtr'])))
print(sorted(words, key=str.casefold), max(words, key=len), min(words, key=str.lower))
print(list(map(len, words)), list(map(str.__len__, words)))
print(list(map(int.__add__, [1, 2, 3], [10, 20, 30])), list(map(float.__mul__, [1.5], [2])))
print(list(filter(str.isdigit, ['1', 'a', '²', '٣', ''])), list(filter(str.isidentifier, ['a1', '1a'])))
print(list(map(list.__len__, [[1], [], [1, 2]])), list(map(dict.keys, [{'x': 1}])))
total = 0
add = total.__add__
for n in range(5):
    total = add(n)
    add = total.__add__
print(total)
append = [].append
append(1)
print(append.__self__, append.__name__)
strip = str.strip
print([strip(s) for s in ['  a ', '\tb\n']], [str.split(s, ',') for s in ['a,b', 'c']])
print(sorted({'b': 2, 'a': 1}.items(), key=tuple.__getitem__.__get__ if False else (lambda p: p[1])))
joined = ', '.join
print(joined(['x', 'y']), joined(map(str, range(3))))
