# classmethod/staticmethod through the class, an instance, a subclass, and C.__dict__.
class Shape:
    count = 0

    @classmethod
    def make(cls, n: int):
        cls.count += n
        return cls.__name__ + ":" + str(cls.count)

    @staticmethod
    def area(w: int, h: int) -> int:
        return w * h

    def plain(self):
        return "plain"


class Square(Shape):
    pass


print(Shape.make(1), Square.make(2), Square().make(3), Shape.count, Square.count)
print(Shape.area(2, 3), Square().area(4, 5))
raw_cm = Shape.__dict__["make"]
raw_sm = Shape.__dict__["area"]
raw_fn = Shape.__dict__["plain"]
print(type(raw_cm).__name__, type(raw_sm).__name__, type(raw_fn).__name__)
print(raw_cm.__func__.__name__, raw_sm.__func__(6, 7), raw_sm(2, 2))
print(raw_fn(None), raw_cm.__func__(Square, 10))
print(Shape.make.__self__ is Shape, Square.make.__self__ is Square)
print(Shape.make.__func__ is raw_cm.__func__)
print(Shape.area is raw_sm.__func__, Shape().area is Shape.area)
print(isinstance(raw_cm, classmethod), isinstance(raw_sm, staticmethod))
print(callable(raw_sm), callable(raw_cm.__func__))
