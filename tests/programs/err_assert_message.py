def withdraw(balance: int, amount: int) -> int:
    assert balance >= amount, "custom message"
    return balance - amount


balance = 100
for amount in [30, 50, 40]:
    print("withdrawing", amount, "from", balance)
    balance = withdraw(balance, amount)
    print("balance", balance)
print("unreachable")
