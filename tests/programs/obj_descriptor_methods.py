# Callable class attributes: functions bind, other callables do not; descriptors can bind.
class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x):
        return x + self.n


class Binder:
    def __init__(self, f):
        self.f = f

    def __get__(self, obj, owner):
        if obj is None:
            return self
        return lambda *a: self.f(obj, *a)


def free(self, x):
    return ("free", type(self).__name__, x)


class Host:
    add5 = Adder(5)
    bound = Binder(free)
    func = free
    builtin_len = len


h = Host()
print(h.add5(1), Host.add5(2))
print(h.bound(3), type(Host.bound).__name__)
print(h.func(4), Host.func(h, 5))
print(h.builtin_len([1, 2]))
Host.late = free
print(h.late(6))
h.own = free
print(h.own(h, 7))
