x: int = 7
y: float = 2.5
x += 3
print(x)
x *= 2
print(x)
x -= 25
print(x)
x //= 2
print(x)
x %= 4
print(x)
x **= 3
print(x)
x <<= 3
print(x)
x >>= 1
print(x)
x |= 0b101
print(x)
x &= 0b1110
print(x)
x ^= 0xFF
print(x)
y += x
print(y)
y /= 4
print(y)
y //= 3
print(y)
y %= 2.5
print(y)
z = 10
z /= 4
print(z, type(z).__name__)
s = "ab"
s *= 3
s += "!"
print(s)
lst = [1]
lst += [2, 3]
lst *= 2
print(lst)
