# Enums with their own `__new__`, `__init__`, `__str__`/`__repr__`/`__format__`, ordering
# defined by the enum, `_order_`, `__members__`, and members used as dict keys and in sets.
from enum import Enum, auto
import enum


class Coin(Enum):
    PENNY = (1, "penny")
    NICKEL = (5, "nickel")
    DIME = (10, "dime")

    def __new__(cls, cents, label):
        member = object.__new__(cls)
        member._value_ = cents
        member.label = label
        return member

    def __str__(self):
        return self.label

    def __lt__(self, other):
        if self.__class__ is other.__class__:
            return self.value < other.value
        return NotImplemented


print(list(Coin), Coin(5), repr(Coin(10)), str(Coin.DIME), f"[{Coin.PENNY}]")
print(sorted([Coin.DIME, Coin.PENNY, Coin.NICKEL]), Coin.PENNY < Coin.DIME, max(Coin))
try:
    Coin((1, "penny"))
except ValueError as e:
    print("ValueError", e)


class Status(Enum):
    _order_ = "ACTIVE INACTIVE"
    ACTIVE = "a"
    INACTIVE = "i"

    def __repr__(self):
        return "Status(" + self.name + ")"

    def __format__(self, spec):
        return format(self.value, spec)

    def toggle(self):
        return Status.INACTIVE if self is Status.ACTIVE else Status.ACTIVE


print(repr(Status.ACTIVE), str(Status.ACTIVE), f"{Status.ACTIVE:>3}|", Status.ACTIVE.toggle().name)
print(list(Status.__members__.items()))
print(enum.Enum, enum.EnumMeta is enum.EnumType, type(Status) is enum.EnumMeta)


class Weekday(Enum):
    MON = auto()
    TUE = auto()
    WED = auto()

    @classmethod
    def parse(cls, text):
        return cls[text.upper()]

    @property
    def is_first(self):
        return self is Weekday.MON


names = {Weekday.MON: "Monday", Weekday.TUE: "Tuesday"}
print(names[Weekday.parse("mon")], Weekday.parse("tue").is_first, Weekday.MON.is_first)
print({Weekday.WED, Weekday.WED, Weekday.MON} == {Weekday.MON, Weekday.WED})
print([d.value for d in Weekday], Weekday.WED.value, Weekday(2))
print(Weekday.MON.__class__.__name__, type(Weekday.TUE) is Weekday, Weekday.__name__)
print(Weekday.MON == Weekday.MON, Weekday.MON != Weekday.TUE, Weekday.MON is not Weekday.TUE)
for day in reversed(Weekday):
    print(day.name, end=" ")
print()
Weekday.parse("sun")
