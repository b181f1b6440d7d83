# Properties are inherited and can be overridden or extended with super().
class Base:
    def __init__(self) -> None:
        self._v = 1

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        print("Base setter", value)
        self._v = value


class Doubling(Base):
    @property
    def v(self):
        return super().v * 2

    @v.setter
    def v(self, value):
        print("Doubling setter")
        Base.v.fset(self, value)


class ReadOnly(Base):
    v = property(Base.v.fget)


b, d, r = Base(), Doubling(), ReadOnly()
b.v = 3
d.v = 4
print(b.v, d.v, r.v)
try:
    r.v = 5
except AttributeError as e:
    print("AttributeError:", e)
print(Doubling.v is Base.v, type(Doubling.__dict__["v"]).__name__)
print(isinstance(ReadOnly.v, property), ReadOnly.v.fset)
