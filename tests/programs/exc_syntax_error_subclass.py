# User subclasses of SyntaxError, IndentationError, TabError and UnicodeTranslateError:
# extra state, their own __init__ and __str__, class attributes named like the fields,
# multiple inheritance and CPython's layout conflicts, copying.
import copy


class ConfigSyntaxError(SyntaxError):
    def __init__(self, msg, path, line, col, source):
        super().__init__(msg, (path, line, col, source))
        self.path = path


class Plain(SyntaxError):
    pass


class NoSuper(SyntaxError):
    def __init__(self, what):
        self.what = what


class Described(IndentationError):
    def __str__(self):
        return f"[{self.msg} at {self.lineno}]"


class Shadow(SyntaxError):
    msg = "class-level"


class Tabs(TabError):
    kind = "tabs"


e = ConfigSyntaxError("missing '='", "/etc/app.cfg", 4, 6, "name value\n")
print(repr(e), "|", e, "|", e.path, e.lineno, e.offset, repr(e.text), vars(e))
print(isinstance(e, SyntaxError), isinstance(e, Exception), [c.__name__ for c in type(e).__mro__])

p = Plain("p", ("x.py", 1, 1, "y"))
print(repr(p), "|", p, "|", p.filename, vars(p))

n = NoSuper("w")
print(repr(n), "|", str(n), "|", n.args, n.msg, n.lineno, n.what)

d = Described("unindent", ("d.py", 9, 1, "  x\n"))
print(repr(d), "|", str(d), "|", d.msg, SyntaxError.__str__(d))

s = Shadow("instance-level", ("s.py", 2, 1, "z"))
print(s.msg, "|", str(s), "|", SyntaxError.__dict__["msg"].__get__(s))

t = Tabs("mixed", ("t.py", 3, 1, "\tx"))
print(t.kind, str(t), isinstance(t, IndentationError), [c.__name__ for c in Tabs.__mro__])

for exc in (e, p, d, t):
    try:
        raise exc
    except IndentationError as caught:
        print("IndentationError handler:", type(caught).__name__, caught)
    except SyntaxError as caught:
        print("SyntaxError handler:", type(caught).__name__, caught)

print("multiple inheritance")


class Both(SyntaxError, ValueError):
    pass


b = Both("both", ("b.py", 1, 2, "q"))
print([c.__name__ for c in Both.__mro__], str(b), isinstance(b, ValueError))
for bases in [(SyntaxError, OSError), (SyntaxError, UnicodeTranslateError), (TabError, KeyError),
              (UnicodeTranslateError, ValueError), (UnicodeTranslateError, StopIteration),
              (IndentationError, NameError), (UnicodeTranslateError, UnicodeEncodeError)]:
    try:
        cls = type("Mixed", bases, {})
        print("ok", [c.__name__ for c in cls.__mro__])
    except TypeError as err:
        print("TypeError", [c.__name__ for c in bases], err)

print("UnicodeTranslateError subclasses")


class TranslateFailure(UnicodeTranslateError):
    def __init__(self, text, pos):
        super().__init__(text, pos, pos + 1, "no mapping")
        self.pos = pos


class Bare(UnicodeTranslateError):
    def __init__(self):
        pass


tf = TranslateFailure("caf\xe9", 3)
print(repr(tf), "|", tf, "|", tf.pos, tf.object, tf.start, tf.end, tf.reason, tf.encoding, vars(tf))
bare = Bare()
print(repr(bare), "|", repr(str(bare)), "|", bare.start, bare.end, bare.object, bare.reason)
try:
    raise tf
except UnicodeError as caught:
    print("UnicodeError handler:", caught)

print("copies")
for orig in [SyntaxError("c", ("c.py", 5, 2, "abc", 5, 3)), Plain("p", ("p.py", 1, 1, "x")),
             Tabs("t"), UnicodeTranslateError("ab", 0, 1, "r"), e, tf]:
    try:
        orig_copy = copy.copy(orig)
        deep = copy.deepcopy(orig)
    except TypeError as err:
        # Rebuilt from `args`, which a subclass's own __init__ does not take.
        print("TypeError", err)
        continue
    print(type(orig_copy).__name__, str(orig_copy), orig_copy.args, str(deep), vars(deep))
changed = SyntaxError("old", ("c.py", 5, 2, "abc"))
changed.msg = "new"
print(str(copy.copy(changed)), str(changed))
