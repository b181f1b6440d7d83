# __format__ with format(), f-strings and str.format; object's default.
class Money:
    def __init__(self, cents: int) -> None:
        self.cents = cents

    def __format__(self, spec):
        if spec == "":
            return f"{self.cents / 100:.2f}"
        if spec == "c":
            return f"{self.cents}c"
        return "[" + spec + "]"

    def __str__(self):
        return "Money"


m = Money(1234)
print(format(m), format(m, "c"), format(m, "xyz"))
print(f"{m}|{m:c}|{m:>10}|", "{0} {0:c}".format(m), str(m))


class Plain:
    def __str__(self):
        return "plain!"


print(format(Plain()), f"{Plain()}", "{}".format(Plain()))
try:
    format(Plain(), "10")
except TypeError as e:
    print("TypeError:", e)


class BadFormat:
    def __format__(self, spec):
        return 3


try:
    f"{BadFormat()}"
except TypeError as e:
    print("TypeError:", e)
