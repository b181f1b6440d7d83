# Caret anchors of a binary operation whose left operand is parenthesized: CPython finds
# the operator after the left operand's closing parentheses; the operator is two carets
# wide when the next character before the right operand is not whitespace.


def add(a, b):
    print("adding", a, b)
    return ((a))+(b)


def outer(x):
    return add(x, "text") * 2


print(outer(0) if False else "start")
outer(1)
