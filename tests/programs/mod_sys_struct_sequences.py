# sys.version_info, sys.float_info and sys.int_info are struct sequences: tuples whose
# items are also read by name, with CPython's reprs, type names and errors.
import sys

vi = sys.version_info
print(vi)
print(vi.major, vi.minor, vi.micro, vi.releaselevel, vi.serial)
print(vi >= (3, 8), vi[:2], vi[0], len(vi), vi == (3, 11, 7, "final", 0))
print(type(vi).__name__, type(vi), type(vi).__module__, type(vi).__mro__)
print(hash(vi) == hash(tuple(vi)), vi + (1,), type(vi[:]).__name__, vi.index(11), vi.count(0))
print(vi.n_fields, vi.n_sequence_fields, vi.n_unnamed_fields, vi.__match_args__)
print(isinstance(vi, tuple), [vi], f"{vi}" == repr(vi), "%s" % (vi,) == str(vi))
major, minor, *rest = vi
print(major, minor, rest, list(vi))


def version_label(v: tuple) -> str:
    match v:
        case (3, minor, *_):
            return f"3.{minor}"
        case _:
            return "other"


print(version_label(vi), sorted([vi, (3, 0)])[0])

fi = sys.float_info
print(fi)
print(fi.max, fi.epsilon, fi.min, fi.dig, fi.mant_dig, fi.radix, 1.0 + fi.epsilon > 1.0)
print(sys.int_info, sys.int_info.default_max_str_digits)


def attempt(label: str, f) -> None:
    try:
        print(label, f())
    except (AttributeError, TypeError) as e:
        print(label, type(e).__name__, e)


attempt("set field", lambda: setattr(vi, "major", 4))
attempt("set other", lambda: setattr(vi, "foo", 4))
attempt("del field", lambda: delattr(vi, "minor"))
attempt("missing", lambda: vi.nosuch)
attempt("new version_info", lambda: type(vi)())
attempt("class attr", lambda: setattr(type(vi), "x", 1))
attempt("subclass", lambda: type("V", (type(vi),), {}))
F = type(fi)
attempt("float_info 11", lambda: F([1] * 11).max)
attempt("float_info 3", lambda: F((1,) * 3))
attempt("float_info 12", lambda: F((1,) * 12))
attempt("float_info int", lambda: F(5))
attempt("float_info none", lambda: F())
attempt("float_info dict", lambda: F((1,) * 11, 5))
attempt("int_info", lambda: type(sys.int_info)(range(4)))
attempt("int_info kw", lambda: type(sys.int_info)(sequence="wxyz").sizeof_digit)
