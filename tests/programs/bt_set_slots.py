# set and frozenset special methods: operators need sets (NotImplemented otherwise), the
# in-place forms mutate, and results keep the type of the left operand.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


s = {1, 2, 3}
f = frozenset({2, 3, 4})
t(lambda: (sorted(s.__and__(f)), sorted(s.__or__(f)), sorted(s.__sub__(f)), sorted(s.__xor__(f))))
t(lambda: (type(f.__or__(s)).__name__, type(s.__or__(f)).__name__, type(f.__rsub__(s)).__name__))
t(lambda: (s.__or__([1]), s.__and__(range(2)), f.__xor__('a')))
t(lambda: (s.__eq__({1, 2, 3}), s.__eq__(frozenset({1, 2, 3})), s.__le__(f), s.__ge__({1})))
t(lambda: (s.__len__(), s.__contains__(2), f.__contains__(9), f.__hash__() == hash(f)))
t(lambda: s.__contains__([1]))
t(lambda: hash(s))
u = {1}
u.__ior__({2})
u.__iand__({2, 3})
u.__ixor__({7})
u.__isub__({2})
print(sorted(u))
t(lambda: u.__ior__([3]))
t(lambda: s | [4])
t(lambda: sorted(list(s.__iter__())))
