# Exceptions raised and caught over and over: each new exception starts clean (no cause,
# context, traceback or fields of an earlier one), class calls with 0/1/2 arguments, classes
# with their own __init__/__new__ or a metaclass __call__, exact and inherited except
# matches, re-raises, context chains, and when the arguments of a dead exception die.


class Tracked:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Tracked({self.name})"

    def __del__(self):
        print("del", self.name)


class Custom(ValueError):
    def __init__(self, code, detail="none"):
        super().__init__(f"code {code}")
        self.code = code
        self.detail = detail


class NoArgsKept(ValueError):
    def __init__(self, a, b):
        self.pair = (a, b)


class Renew(LookupError):
    def __new__(cls, *args):
        return super().__new__(cls, "renewed", *args)


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)


class WithMeta(Exception, metaclass=Meta):
    pass


class Plain:
    def __init__(self, x, y):
        self.x, self.y = x, y


def fresh_state(e):
    return (e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)


def check(i):
    if i % 3 == 0:
        raise ValueError("three", i)
    if i % 3 == 1:
        raise KeyError(i)
    return i


caught = []
for i in range(7):
    try:
        check(i)
    except ValueError as e:
        caught.append(("V", type(e) is ValueError, e.args, str(e), repr(e)))
    except LookupError as e:
        caught.append(("L", type(e).__name__, e.args, str(e), repr(e)))
for c in caught:
    print(c)

# 0, 1 and 2 arguments, and a state that must not carry anything over.
for args in [(), ("one",), ("one", 2)]:
    for _ in range(3):
        try:
            try:
                raise RuntimeError("first")
            except RuntimeError as inner:
                raise TypeError(*args) from inner
        except TypeError as e:
            print(e.args, repr(str(e)), type(e.__cause__).__name__, e.__suppress_context__)
    e = TypeError(*args)
    print("fresh", e.args, fresh_state(e))

try:
    object().missing
except AttributeError as e:
    print("attr", e.name, type(e.obj).__name__)
a = AttributeError("plain")
print("fresh attr", a.name, a.obj, fresh_state(a))
try:
    undefined_name_here  # noqa: F821
except NameError as e:
    print("name", e.name)
n = NameError("plain")
print("fresh name", n.name, fresh_state(n))

# Subclasses with their own __init__ / __new__, a metaclass __call__.
for k in range(2):
    try:
        raise Custom(k, detail="d")
    except ValueError as e:
        print(type(e).__name__, e.args, e.code, e.detail, str(e))
    try:
        raise NoArgsKept(k, k + 1)
    except ValueError as e:
        print(type(e).__name__, e.args, e.pair, repr(str(e)))
    try:
        raise Renew(k)
    except LookupError as e:
        print(type(e).__name__, e.args)
    try:
        raise WithMeta("m", k)
    except WithMeta as e:
        print(type(e).__name__, e.args)
def build(cls, x):
    return cls(x)


p = Plain(1, 2)
print(p.x, p.y)
for cls in (Plain, ValueError, Custom, WithMeta, int):
    try:
        print(repr(build(cls, 7)))
    except TypeError as e:
        print("TypeError", e)

# Exact, inherited and tuple matches; a non-exception class in an except clause.
for cls in (ValueError, Custom, KeyError):
    try:
        raise cls(1) if cls is not Custom else Custom(1)
    except (KeyError, TypeError) as e:
        print("tuple", type(e).__name__)
    except ValueError as e:
        print("value", type(e).__name__)
try:
    try:
        raise ValueError("x")
    except int:
        print("not reached")
except TypeError as e:
    print("TypeError", e)
try:
    raise 5
except TypeError as e:
    print("TypeError", e)
try:
    raise ValueError
except ValueError as e:
    print("class raised", e.args)


# Re-raise, context chains, nested handlers left early.
def reraiser(n):
    try:
        raise ValueError("inner", n)
    except ValueError:
        raise


for n in range(2):
    try:
        reraiser(n)
    except ValueError as e:
        print("reraised", e.args, e.__context__)

for n in range(2):
    try:
        try:
            raise KeyError("a")
        except KeyError:
            try:
                raise IndexError("b")
            except IndexError:
                raise ValueError("c", n)
    except ValueError as e:
        chain = []
        x = e
        while x is not None:
            chain.append((type(x).__name__, x.args))
            x = x.__context__
        print(chain)

for n in range(3):
    try:
        raise ValueError(n)
    except ValueError:
        try:
            raise KeyError(n)
        except KeyError:
            if n == 1:
                continue
            if n == 2:
                break
    print("after", n)
try:
    raise IndexError("later")
except IndexError as e:
    print("context after break:", e.__context__)

# The arguments of an exception die with it, unless something else keeps them.
try:
    raise ValueError(Tracked("arg1"))
except ValueError:
    print("handled 1")
print("after 1")
kept = None
try:
    raise ValueError(Tracked("arg2"), Tracked("arg3"))
except ValueError as e:
    kept = e.args
print("after 2", kept)
kept = None
print("end")
