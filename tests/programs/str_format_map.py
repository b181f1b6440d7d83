# str.format_map: named fields from any mapping (dict or a class with __getitem__),
# attribute and index access, nested specs, and the errors CPython raises.


class Default(dict):
    pass


class Lookup:
    def __init__(self, prefix: str):
        self.prefix = prefix

    def __getitem__(self, key):
        if key == 'boom':
            raise KeyError(key)
        return self.prefix + key


class P:
    x = 3
    y = 4


data = {'name': 'Ada', 'n': 42, 'xs': [10, 20, 30], 'p': P(), 'w': 8, 'f': 3.14159}
print('{name} has {n} items'.format_map(data))
print('{xs[1]} {xs[2]} {p.x},{p.y}'.format_map(data))
print('[{name:>{w}}] [{n:0{w}d}] [{f:.{n}f}]'.format_map({'name': 'Ada', 'w': 6, 'n': 2, 'f': 2.5}))
print('{a!r} {a!s} {a!a}'.format_map({'a': 'é'}))
print('{hello} and {world}'.format_map(Lookup('key:')))
print('{{literal}} {x}'.format_map({'x': 1}))
print(''.format_map({}), 'plain'.format_map(42))


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: '{missing}'.format_map({}))
t(lambda: '{boom}'.format_map(Lookup('')))
t(lambda: '{0}'.format_map({0: 1}))
t(lambda: '{}'.format_map({}))
t(lambda: '{a}'.format_map(1))
t(lambda: 'x'.format_map())
t(lambda: '{a'.format_map({'a': 1}))
t(lambda: '{a.zz}'.format_map({'a': 1}))
