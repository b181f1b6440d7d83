# bool's own special methods (&, |, ^ keep bools; repr says True/False) versus the int
# methods it inherits, called on bools.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: (True.__and__(False), True.__or__(False), True.__xor__(True)))
t(lambda: (True.__and__(3), True.__or__(2), True.__rxor__(3)))
t(lambda: True.__and__(1.0))
t(lambda: (int.__and__(True, True), int.__or__(False, True), int.__xor__(True, False)))
t(lambda: (bool.__and__(True, 1), bool.__ror__(False, 4)))
t(lambda: (int.__repr__(True), bool.__repr__(False), True.__repr__(), str(False)))
t(lambda: (True.__add__(True), True.__mul__(3), True.__neg__(), True.__invert__()))
t(lambda: (True.__index__(), False.__int__(), True.__float__(), True.__hash__()))
t(lambda: (True.__eq__(1), True.__eq__(1.0), False.__lt__(True), True.__bool__()))
t(lambda: (format(True), format(True, 'd'), format(True, '>6'), True.__format__('x')))
t(lambda: bool.__and__(1, True))
t(lambda: (True & True, True | 0, False ^ True, True + True, -True, ~False))
t(lambda: sum([True, True, False]))
flags = [True, False, True]
acc = False
for f in flags:
    acc = acc.__or__(f)
print(acc, type(acc).__name__)
