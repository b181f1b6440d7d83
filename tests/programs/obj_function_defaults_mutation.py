# Assigning __defaults__ / __kwdefaults__ changes later calls.
def greet(name, greeting="hello", *, punct="!"):
    return greeting + " " + name + punct


print(greet("ann"))
greet.__defaults__ = ("hi",)
print(greet("bob"), greet.__defaults__)
greet.__kwdefaults__ = {"punct": "?"}
print(greet("cy"), greet.__kwdefaults__)
greet.__defaults__ = ("yo", "nobody")
print(greet(), greet("dee"))
greet.__defaults__ = None
try:
    greet("eve")
except TypeError as e:
    print("TypeError:", e)
greet.__kwdefaults__ = None
try:
    greet("fay", "hey")
except TypeError as e:
    print("TypeError:", e)
try:
    greet.__defaults__ = [1]
except TypeError as e:
    print("TypeError:", e)
try:
    greet.__kwdefaults__ = 3
except TypeError as e:
    print("TypeError:", e)


def acc(x, bucket=[]):
    bucket.append(x)
    return bucket


acc(1)
acc(2)
print(acc.__defaults__)
acc.__defaults__ = ([],)
print(acc(3), acc.__defaults__)
