# Errors of class creation with metaclasses and class keywords, with CPython's messages.


class M1(type):
    pass


class M2(type):
    pass


class A(metaclass=M1):
    pass


class Sub1(M1):
    pass


class B(A, metaclass=Sub1):
    pass


print(type(B).__name__)

try:
    class K(foo=1):
        pass
except TypeError as e:
    print("TypeError", e)

try:
    type("T", (), {}, x=1)
except TypeError as e:
    print("TypeError", e)

try:
    type("T", (), [])
except TypeError as e:
    print("TypeError", e)

try:
    type(3, (), {})
except TypeError as e:
    print("TypeError", e)

try:
    type("T", (A,), {}, )
    print("made")
    M2("T", (A,), {})
except TypeError as e:
    print("TypeError", e)


class LosesCell(type):
    def __new__(mcls, name, bases, ns):
        clean = {k: v for k, v in ns.items() if k != "__classcell__"}
        return super().__new__(mcls, name, bases, clean)


try:
    class UsesSuper(metaclass=LosesCell):
        def f(self):
            return super().f()
except RuntimeError as e:
    print("RuntimeError", e)


class Other:
    pass


class Swapper(type):
    def __new__(mcls, name, bases, ns):
        return Other


class Swapped(metaclass=Swapper):
    x = 1


print(Swapped, hasattr(Swapped, "x"))

try:
    class Weird(metaclass=3):
        pass
except TypeError as e:
    print("TypeError", e)


class C(A, metaclass=M2):
    pass
