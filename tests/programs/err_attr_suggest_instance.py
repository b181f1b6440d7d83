class Account:
    def __init__(self, owner: str, balance: int):
        self.owner = owner
        self.balance = balance

    def deposit(self, n: int) -> None:
        self.balance += n

acct = Account("ann", 10)
acct.deposit(5)
print(acct.owner, acct.balance)
print(acct.balanse)
