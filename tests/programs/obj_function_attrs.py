# Function attributes: names, qualnames, module, docs, defaults.
def top(a, b=2, *args, c, d=4, **kw):
    "Top-level doc."
    return (a, b, args, c, d, kw)


def nodoc():
    return None


def outer():
    def inner(x=[]):
        "inner doc"
        return x

    return inner


class K:
    def method(self, y: int = 5) -> int:
        """Method doc
        on two lines."""
        return y

    @staticmethod
    def stat():
        pass


print(top.__name__, top.__qualname__, top.__module__, top.__doc__)
print(top.__defaults__, top.__kwdefaults__)
print(nodoc.__doc__, nodoc.__defaults__, nodoc.__kwdefaults__)
inner = outer()
print(inner.__name__, inner.__qualname__, inner.__doc__, inner.__defaults__)
print(K.method.__qualname__, K.method.__doc__, K.method.__defaults__)
print(K.stat.__qualname__, K().method.__doc__, K().method.__name__)
print((lambda: 0).__name__, (lambda: 0).__qualname__)
print(type(top).__name__, callable(top))
print(repr(top).startswith("<function top at 0x"))
print(repr(inner).startswith("<function outer.<locals>.inner at 0x"))
print(top(1, c=3))
