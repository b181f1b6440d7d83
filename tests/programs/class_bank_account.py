class InsufficientFunds(Exception):
    pass


class Account:
    rate = 0.01

    def __init__(self, owner: str, balance: float = 0.0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount: float) -> None:
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner}: need {amount}, have {self.balance}")
        self.balance -= amount
        self.history.append(("wd", amount))

    def __str__(self):
        return f"{self.owner}: {self.balance:.2f}"


class Savings(Account):
    rate = 0.05

    def add_interest(self):
        self.deposit(self.balance * self.rate)


accts = [Account("ann", 100), Savings("bob", 200)]
for a in accts:
    a.deposit(50)
    try:
        a.withdraw(500)
    except InsufficientFunds as e:
        print("error:", e)
    a.withdraw(25.5)
    print(a, a.history)
accts[1].add_interest()
print(accts[1], accts[1].rate, accts[0].rate)
try:
    accts[0].deposit(-1)
except ValueError as e:
    print("ValueError:", e)
print([str(a) for a in accts])
