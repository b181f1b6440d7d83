class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
        self.caught = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kinds):
            self.caught = exc
            print("suppressed", exc_type.__name__, exc)
            return True
        return False


with Suppress(KeyError) as s:
    d = {}
    print("before")
    d["nope"]
    print("not printed")
print("after 1, caught:", repr(s.caught))
with Suppress(ZeroDivisionError, ValueError):
    x = int("12")
    print("parsed", x)
    y = x / 0
print("after 2")
try:
    with Suppress(KeyError):
        [].pop()
except IndexError as e:
    print("propagated:", e)
with Suppress(LookupError) as s2:
    [1][5]
print("after 3", type(s2.caught).__name__)
