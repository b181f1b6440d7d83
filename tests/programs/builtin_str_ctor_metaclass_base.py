for a, k in [((), {'object': 5}), ((1,), {'errors': 3}), ((1,), {'foo': 3}), ((), {'encoding': 'u'}), ((1, 2, 3), {'errors': 'x'}), ((1, 'u'), {'encoding': 'x'}), ((1, 2, 3, 4), {}), ((1, 2), {}), ((1, 'utf-8'), {})]:
    try:
        print(repr(str(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
for t in [type(None)]:
    for a in [(1,), ()]:
        try:
            print(t(*a))
        except TypeError as e:
            print(e)
for i, base in enumerate([5, [], "", None, False, 1.5, (), {}]):
    try:
        class C(base):
            pass
    except TypeError as e:
        print(i, e)
