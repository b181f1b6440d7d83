print("a starts")
X = 1
import b

Y = 2


def value():
    return X + Y + b.Z
