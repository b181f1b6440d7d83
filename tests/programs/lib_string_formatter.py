# string.Formatter: parse, format, vformat, get_field/get_value, conversions, nested specs,
# subclass hooks, and CPython's errors.
import string

f = string.Formatter()
print(f.format("{} + {} = {}", 1, 2, 3))
print(f.format("{0}{1}{0}", "ab", "cd"))
print(f.format("{name:>8}|{name:<8}|", name="molt"))
print(f.format("{0!r} {0!s} {0!a}", "é\n"))
print(f.format("{x[0]} {x[k]} {p.real} {p.imag}", x={0: "zero", "k": "kay"}, p=3))
print(f.format("{:{w}.{p}f}", 3.14159, w=10, p=3))
print(f.format("{{literal}} {}", 5))
print(f.format("{0:{1}}", 42, ">6"))
print(list(f.parse("a{0!r:>3}b{{c}}d{}")))
print(list(f.parse("{x.y[2]:{w}}")))
print(list(f.parse("")))
print(f.get_field("a.real", (), {"a": 7}))
print(f.get_field("0[1]", ([5, 6],), {}))
print(f.get_value(0, ("first",), {}), f.get_value("k", (), {"k": "v"}))
print(f.convert_field(3, "r"), f.convert_field("s", None), f.format_field(3.5, "08.3f"))
print(f.vformat("{a}-{0}", ("pos",), {"a": "kw"}))

for bad, args in [
    ("{", ()), ("}", ()), ("{0", ()), ("{!", ()), ("{0!x}", (1,)), ("{0!rx}", (1,)),
    ("{0:{", (1,)), ("{}{0}", (1, 2)), ("{0}{}", (1, 2)), ("{0:{1:{2}}}", (1, 2, 3)),
    ("{a{b}", ()), ("{0[}", (1,)), ("{0..x}", (1,)), ("{0[0]x}", ([1],)), ("{1}", (1,)),
    ("{missing}", ()), ("{0.nope}", (1,)),
]:
    try:
        print(repr(f.format(bad, *args)))
    except Exception as e:
        print(repr(bad), type(e).__name__, e)


class Strict(string.Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        extra = set(kwargs) - used_args
        if extra:
            raise ValueError("unused: " + ", ".join(sorted(extra)))


class Upper(string.Formatter):
    def format_field(self, value, format_spec):
        return super().format_field(value, format_spec).upper()

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<" + key + ">"
        return super().get_value(key, args, kwargs)

    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)


print(Strict().format("{a}", a=1))
try:
    Strict().format("{a}", a=1, b=2, c=3)
except ValueError as e:
    print("ValueError", e)
print(Upper().format("{greeting}, {who}! {0:x} {1!u}", 255, "shout", greeting="hello"))
print(sorted(string.__all__))
