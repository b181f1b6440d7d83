# int() of objects: __int__, then __index__, then __trunc__; results that are not ints;
# and the TypeError for objects with none of them.


class WithInt:
    def __init__(self, v):
        self.v = v

    def __int__(self):
        return self.v


class WithIndex:
    def __index__(self):
        return 7


class Both:
    def __int__(self):
        return 1

    def __index__(self):
        return 2


class Plain:
    pass


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: int(WithInt(5)))
t(lambda: int(WithInt(2**80)))
t(lambda: int(WithInt('5')))
t(lambda: int(WithInt(5.0)))
t(lambda: int(WithIndex()))
t(lambda: int(Both()))
t(lambda: int(Plain()))
t(lambda: int(None))
t(lambda: int([1]))
t(lambda: float(WithIndex()))
t(lambda: float(Both()))
t(lambda: float(Plain()))
t(lambda: (int('  42\n'), int('-0'), int('1_000'), int('0x1f', 16), int('0x1f', 0), int('z', 36)))
t(lambda: int('1__0'))
t(lambda: int('12', 1))
t(lambda: int(12, 10))
t(lambda: (int(2.9), int(-2.9), int(1e20), int(True)))
t(lambda: int(float('inf')))
t(lambda: int(float('nan')))
