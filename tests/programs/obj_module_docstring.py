"""Module docstring: __doc__ of the module, its functions and classes."""


def documented():
    """Function docstring."""
    return __doc__


def implicit_concat():
    "Two " "parts."


def not_a_doc():
    x = 1
    "just an expression"
    return x


class Klass:
    """Class docstring."""

    def method(self):
        "Method docstring."


print(__doc__)
print(documented(), documented.__doc__)
print(implicit_concat.__doc__, not_a_doc.__doc__, not_a_doc())
print(Klass.__doc__, Klass().__doc__, Klass.method.__doc__, Klass().method.__doc__)
print(list(vars(Klass))[:2])
