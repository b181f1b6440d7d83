# Builtin callables: their types, attributes and reprs tell functions, method descriptors,
# slot wrappers, bound methods and static/class methods of builtin types apart.
import math


def kind(f) -> str:
    return type(f).__name__


def attr(f, name: str) -> str:
    try:
        return repr(getattr(f, name))
    except AttributeError as e:
        return "AttributeError: " + str(e)


def head(f) -> str:
    # The address part of a repr is not deterministic.
    r = repr(f)
    at = r.find(" at 0x")
    return r if at < 0 else r[:at] + ">"


callables = [
    ("len", len),
    ("math.sqrt", math.sqrt),
    ("str.upper", str.upper),
    ("str.__add__", str.__add__),
    ("int.__add__", int.__add__),
    ("object.__init__", object.__init__),
    ("'a'.upper", "a".upper),
    ("'a'.__add__", "a".__add__),
    ("(1).__add__", (1).__add__),
    ("[].append", [].append),
    ("str.maketrans", str.maketrans),
    ("dict.fromkeys", dict.fromkeys),
    ("float.fromhex", float.fromhex),
    ("object.__new__", object.__new__),
    ("{}.fromkeys", {}.fromkeys),
]
for label, f in callables:
    print(label, kind(f), f.__name__, f.__qualname__, head(f))
    print("  module", attr(f, "__module__"))
    print("  objclass", attr(f, "__objclass__"))
    if label not in ("len", "math.sqrt", "'a'.upper", "'a'.__add__", "(1).__add__", "[].append"):
        print("  self", attr(f, "__self__"))

print("a".upper.__self__, (1).__add__.__self__, [5].append.__self__)
print(math.sqrt.__self__.__name__)
print(str.upper("x"), str.__add__("a", "b"), dict.fromkeys("ab", 0), str.maketrans("a", "b"))
print(type(str.upper) is type(str.lower), type(str.__add__) is type(int.__add__))
print(type("a".upper) is type(len), type("a".__add__) is type((1).__add__))
print(callable(str.upper), callable("a".__add__), callable(dict.fromkeys))
