from a import x
print("b got x", x)
from a import y
z = 3
