# Private names: self.__x inside class C is _C__x, also for methods and class attributes.
class Account:
    __rate = 2
    __slots_note: str = "annotated"

    def __init__(self, owner: str) -> None:
        self.__owner = owner
        self.__balance = 0

    def __audit(self) -> str:
        return "audit " + self.__owner

    def deposit(self, n: int) -> int:
        self.__balance += n * Account.__rate
        return self.__balance

    def report(self) -> str:
        return self.__audit()


a = Account("ann")
print(a.deposit(5), a.report())
print(sorted(vars(a)))
print(a._Account__balance, Account._Account__rate, "__rate" in vars(Account))
print(Account.__annotations__)
print(hasattr(a, "__balance"), hasattr(Account, "_Account__audit"))
try:
    a.__owner
except AttributeError as e:
    print("AttributeError:", e)


class _Private:
    def __init__(self):
        self.__x = 1


print(sorted(vars(_Private())))


class Sub(Account):
    def peek(self):
        return getattr(self, "_Account__balance"), self.__dict__.get("__balance")


print(Sub("b").peek())
