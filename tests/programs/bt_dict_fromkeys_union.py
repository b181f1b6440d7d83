# dict.fromkeys (shared default value), | and |= with dicts and iterables of pairs, the
# NotImplemented of dict.__or__ for non-dicts, and copy().


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: (dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), {}.fromkeys(range(3), 'x')))
shared = dict.fromkeys(['a', 'b'], [])
shared['a'].append(1)
print(shared)
t(lambda: dict.fromkeys([[1]]))
t(lambda: dict.fromkeys())
t(lambda: {1: 2} | {3: 4} | {1: 'one'})
d = {1: 2}
d |= {5: 6}
d |= [(7, 8)]
d |= {1: 0}.items()
print(d)
t(lambda: {1: 2} | [(3, 4)])
t(lambda: [(3, 4)] | {1: 2})
t(lambda: {1: 2}.__or__([(3, 4)]))
t(lambda: {1: 2}.__ror__({0: 0}))
t(lambda: {1: 2}.__ior__([(9, 9)]))
e = {}
e |= {}
print(e)
t(lambda: sorted({'a': 1} | {'b': 2}.keys()))
original = {'k': [1, 2]}
c = original.copy()
c['k'].append(3)
c['new'] = 1
print(original, c)
t(lambda: (dict(a=1, b=2) == {'b': 2, 'a': 1}, list(reversed({'x': 1, 'y': 2}))))
t(lambda: {1: 2} < {1: 2})
