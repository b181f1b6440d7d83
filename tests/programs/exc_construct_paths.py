# Constructing builtin exceptions: BaseException.__init__ inherited or overridden, keyword
# arguments, __new__ overrides, and classes whose __init__ changes after first use.
def make(cls, *args):
    return cls(*args)


for cls in (ValueError, KeyError, Exception, RuntimeError, LookupError):
    e = make(cls, "a", 2)
    print(type(e).__name__, e.args, str(e), repr(e))
    e = make(cls)
    print(type(e).__name__, e.args, repr(str(e)))

try:
    ValueError("x", bad=1)
except TypeError as e:
    print("TypeError:", e)


class Mine(ValueError):
    pass


class WithInit(ValueError):
    def __init__(self, a, b=0):
        super().__init__(a * 2)
        self.b = b


class NoSuper(ValueError):
    def __init__(self, a):
        self.a = a


class WithNew(ValueError):
    def __new__(cls, *args):
        self = super().__new__(cls, "from new")
        return self


print(Mine("m").args, WithInit(3, b=4).args, WithInit(3).b)
print(NoSuper(5).args, NoSuper(5).a)
print(WithNew(1, 2).args)

for i in range(3):
    try:
        raise Mine("loop", i)
    except ValueError as e:
        print(e.args)


def late_init(self, *args):
    BaseException.__init__(self, "late", *args)


Mine.__init__ = late_init
print(Mine("m").args)
del Mine.__init__
print(Mine("m").args)
print(ValueError("v").args)
