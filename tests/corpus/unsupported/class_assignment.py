class A:
    def name(self) -> str:
        return "A"


class B:
    def name(self) -> str:
        return "B"


a = A()
a.__class__ = B  # unsupported: assignment to `__class__`
print(a.name())
