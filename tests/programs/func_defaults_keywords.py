def greet(name: str, greeting: str = "Hello", punct: str = "!") -> str:
    return greeting + ", " + name + punct


def power(base, exp=2):
    return base ** exp


def describe(a, b=10, c=None):
    if c is None:
        c = []
    c.append(a + b)
    return c


print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))
print(greet("Ed", "Hey", "..."))
print(power(3), power(2, 10), power(exp=3, base=4), power(base=5))
print(describe(1), describe(1, 2), describe(1, c=[0]), describe(a=5, b=-5))
shared = []
print(describe(1, c=shared), describe(2, c=shared), shared)


def bad_default(x, acc=[]):
    acc.append(x)
    return acc


print(bad_default(1), bad_default(2), bad_default(3, []))


def no_return():
    x = 1


print(no_return(), power(2, exp=0.5))
