# A class whose `__init__`/`__new__` is set after (or outside) the `class` statement: calls
# with arguments are valid, so the compiler must not reject them as "takes no arguments".


class Q:
    pass


def q_init(self, x):
    self.x = x


Q.__init__ = q_init
print(Q(1).x)


class R:
    pass


setattr(R, "__init__", lambda self, a, b: setattr(self, "s", a + b))
print(R(2, 3).s)


def make_init():
    def init(self, *args):
        self.args = args

    return init


class S:
    __init__ = make_init()


print(S(1, 2, 3).args)


class T:
    def __init__(self):
        self.v = 0


def patch():
    T.__init__ = lambda self, v: setattr(self, "v", v)


patch()
print(T(7).v)


class U:
    pass


U.__new__ = lambda cls, *a: object.__new__(cls)
print(type(U(1, 2)).__name__)


del Q.__init__
try:
    Q(1)
except TypeError as e:
    print("TypeError:", e)
