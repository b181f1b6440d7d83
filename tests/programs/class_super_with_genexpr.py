# A method that calls super() and also holds a generator expression, a lambda or a nested
# function gets its class's __class__ cell (the nested scope is lowered before the method).
class Base:
    def describe(self, items: dict) -> str:
        return "Base:" + ",".join(items)


class A(Base):
    def describe(self, items: dict) -> str:
        keys = sorted(k for k in items)
        print(keys)
        return super().describe(items) + "|A"

    def twice(self, xs: list) -> list:
        f = lambda x: x * 2
        return [f(x) for x in xs] + [super().__class__.__name__]

    def nested(self) -> str:
        def inner() -> int:
            return 3
        return str(inner()) + type(self).__mro__[1].__name__ + super().describe({"z": 0})


a = A()
print(a.describe({"b": 1, "a": 2}))
print(a.twice([1, 2]))
print(a.nested())
