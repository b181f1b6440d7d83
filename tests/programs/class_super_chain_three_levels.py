class A:
    def __init__(self, x):
        self.x = x
        print("A.__init__", x)

    def who(self):
        return "A"

    def describe(self):
        return f"{self.who()}({self.x})"


class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
        print("B.__init__", y)

    def who(self):
        return "B<" + super().who() + ">"


class C(B):
    def __init__(self):
        super().__init__(1, 2)
        print("C.__init__")

    def who(self):
        return "C<" + super().who() + ">"

    def describe(self):
        return "C says " + super().describe()


c = C()
print(c.who(), c.describe(), c.x, c.y)
print([k.__name__ for k in C.__mro__], isinstance(c, A), type(c) is C)
print(A.who(c), B.who(c), super(C, c).who(), super(B, c).who())


class Shape:
    sides = 0

    def area(self):
        raise NotImplementedError("subclass must implement")

    def __str__(self):
        return f"{type(self).__name__} with {self.sides} sides, area {self.area():.2f}"


class Sq(Shape):
    sides = 4

    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


class Tri(Shape):
    sides = 3

    def __init__(self, b, h):
        self.b, self.h = b, h

    def area(self):
        return self.b * self.h / 2


for s in [Sq(3), Tri(4, 5)]:
    print(s)
try:
    print(Shape())
except NotImplementedError as e:
    print("NotImplementedError:", e)


class Counter:
    instances = 0

    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances

    @classmethod
    def make(cls, n):
        return [cls() for _ in range(n)]


class Sub(Counter):
    pass


print([o.id for o in Sub.make(3)], Counter.instances, Sub.instances)
Sub.instances = 100
print(Counter.instances, Sub.instances, Sub().id, Counter().id)
