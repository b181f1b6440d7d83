def ok_before(n: int) -> int:
    return n + 1


x = 1 +  # error: syntax
y = ok_before(2)
z = = 3  # error: syntax
print(y)
if y > 1  # error: syntax
    print("big")


def ok_after(s: str) -> str:
    return s * 2


w = [1, 2, 3]]  # error: syntax
print(ok_after("ab"))
