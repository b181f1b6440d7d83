# property with @x.setter / @x.deleter chains, doc strings, and the raw property object.
class Temperature:
    def __init__(self, celsius: float) -> None:
        self._c = celsius

    @property
    def celsius(self):
        "Degrees Celsius."
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("resetting")
        self._c = 0.0

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


t = Temperature(25.0)
print(t.celsius, t.fahrenheit)
t.celsius = 100.0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(t.celsius)
p = Temperature.celsius
print(type(p).__name__, p.__doc__)
print(p.fget.__name__, p.fset.__name__, p.fdel.__name__)
print(p.fget(t), Temperature.fahrenheit.fset)
p.fset(t, 5.0)
print(t.celsius)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
print(isinstance(p, property))
