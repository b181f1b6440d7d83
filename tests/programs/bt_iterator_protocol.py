# Builtin iterators: __iter__ returns the iterator, __next__ advances it and raises
# StopIteration at the end, for every kind of builtin iterator.


def drain(it) -> list:
    out = []
    while True:
        try:
            out.append(it.__next__())
        except StopIteration:
            return out


sources = [[1, 2], (3, 4), 'ab', 'é€', {'k': 1, 'j': 2}, {5}, range(3), reversed([1, 2, 3]),
           enumerate('xy'), zip('ab', [1, 2]), map(abs, [-1, -2]), filter(None, [0, 1, 2]),
           {'a': 1}.values(), {'a': 1}.items(), iter(range(2, 0, -1))]
for src in sources:
    it = iter(src)
    print(type(it).__name__, it.__iter__() is it, drain(it))
it = iter([1])
print(next(it), next(it, 'default'))
try:
    iter([]).__next__()
except StopIteration as e:
    print('StopIteration', e.args)
try:
    next(iter(()))
except StopIteration as e:
    print('StopIteration', repr(e))
print(list(map(str.__len__, iter(['a', 'bbb']))))
