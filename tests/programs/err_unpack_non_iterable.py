def pair():
    return 42

print("calling")
a, b = pair()
