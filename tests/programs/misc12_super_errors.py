# CPython's RuntimeErrors of zero-argument super(), and the cell during class creation.


class Base:
    def who(self):
        return "base"

    def __set_name__(self, owner, name):
        print("set_name sees", owner.__name__, owner.early())


def plain(x):
    return super().who()


class K(Base):
    def m(self):
        return super().who()

    def noargs():
        return super()

    def star(*args):
        return super()

    def kwonly(*, a):
        return super()

    def gone(self):
        del self
        return super()

    @classmethod
    def early(cls):
        return super().__name__ if False else "cell is " + __class__.__name__

    try:
        m(1)
    except RuntimeError as e:
        print("in body:", e)
    attr = Base()


for f in (plain, K.noargs, K.star, K.kwonly):
    try:
        f(1) if f is plain else f(a=1) if f is K.kwonly else f()
    except RuntimeError as e:
        print(f.__name__, "RuntimeError:", e)
    except TypeError as e:
        print(f.__name__, "TypeError:", e)
print(K().m())
print(K.early())
K().gone()
