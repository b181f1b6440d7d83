# Mixins with a builtin base (int, str, list) and with exception classes.
class ReprMixin:
    def __repr__(self):
        return f"<{type(self).__name__} {self.describe()}>"
    def describe(self):
        return "?"

class Money(ReprMixin, int):
    def describe(self):
        return f"{int(self)} cents"

m = Money(250)
print(repr(m), m + 1, type(m + 1).__name__, m * 2, isinstance(m, int), int(m))
print(Money.__base__.__name__, [c.__name__ for c in Money.__mro__])
print(str(m), f"{m:>6}", m == 250, hash(m) == hash(250))

class Tag(str, ReprMixin):
    def describe(self):
        return self.upper()

t = Tag("hi")
print(repr(t), t + "!", t.upper(), len(t), Tag.__base__.__name__)

class Items(ReprMixin, list):
    def describe(self):
        return f"{len(self)} items"

it = Items([1, 2, 3])
it.append(4)
print(repr(it), sum(it), it[1:], isinstance(it, list))


class Loggable:
    def log(self):
        return f"{type(self).__name__}: {self}"

class AppError(Loggable, ValueError):
    pass

class NotFound(AppError, KeyError):
    pass

try:
    raise NotFound("missing")
except ValueError as e:
    print("caught as ValueError:", e.log(), [c.__name__ for c in type(e).__mro__])
try:
    raise NotFound("k")
except KeyError as e:
    print("caught as KeyError:", repr(e), e.args)
print(NotFound.__base__.__name__, NotFound.__bases__)
