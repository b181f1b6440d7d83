# The fields of builtin exceptions (StopIteration.value, SystemExit.code, OSError's errno,
# strerror, filename and filename2, ImportError's msg, name and path, NameError.name,
# AttributeError's name and obj, BaseExceptionGroup's message and exceptions): member
# descriptors on the class, values kept in the exception (not in vars(e)), set by __init__
# (so a later change of args does not move them), keyword arguments, OSError's __new__ /
# __init__ split, and str() of an OSError built from its fields.

import copy


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "raises", type(e).__name__, e)


print("class attributes")
for cls, names in [
    (StopIteration, ["value"]),
    (SystemExit, ["code"]),
    (OSError, ["errno", "strerror", "filename", "filename2"]),
    (ImportError, ["msg", "name", "path"]),
    (NameError, ["name"]),
    (AttributeError, ["name", "obj"]),
    (BaseExceptionGroup, ["message", "exceptions"]),
]:
    for name in names:
        d = cls.__dict__[name]
        print(" ", repr(getattr(cls, name)), type(d).__name__, d.__name__, d.__qualname__,
              d.__objclass__.__name__)
print(" ", repr(FileNotFoundError.errno), repr(ModuleNotFoundError.name),
      repr(UnboundLocalError.name), repr(ExceptionGroup.message))
show("  wrong object", lambda: StopIteration.value.__get__(ValueError()))
show("  wrong class", lambda: OSError.errno.__set__(KeyError(), 1))

print("StopIteration and SystemExit")
e = StopIteration(1, 2)
show("  value, vars", lambda: (e.value, vars(e)))
e.args = (7,)
show("  after args =", lambda: e.value)
e.value = 9
show("  after value =", lambda: (e.value, e.args, vars(e)))
del e.value
show("  after del", lambda: e.value)
show("  no args", lambda: StopIteration().value)
show("  __new__ only", lambda: StopIteration.__new__(StopIteration, 5).value)
show("  __init__ again", lambda: (lambda x: (x.__init__(3), x.value, x.args))(StopIteration(1)))
show("  keyword", lambda: StopIteration(1, value=3))
for args in [(), (None,), (3,), ("bye",), (1, 2)]:
    s = SystemExit(*args)
    print("  SystemExit", args, repr(s.code), vars(s))
s = SystemExit(3)
s.args = ()
show("  code after args =", lambda: s.code)


class Quiet(StopIteration):
    def __init__(self, *args):
        pass


class Loud(StopIteration):
    def __init__(self, v):
        super().__init__(v * 2)


show("  subclass without super().__init__", lambda: (Quiet(5).value, Quiet(5).args))
show("  subclass with super().__init__", lambda: (Loud(5).value, Loud(5).args))


def gen():
    yield 1
    return "done"


def outer():
    result = yield from gen()
    print("  yield from got", result)


list(outer())
try:
    next(iter([]))
except StopIteration as stop:
    print("  exhausted:", repr(stop.value), stop.args)

print("OSError")
o = OSError(2, "No such file", "f.txt")
show("  fields", lambda: (type(o).__name__, o.errno, o.strerror, o.filename, o.filename2,
                          o.args, vars(o), str(o)))
o.args = (5, "x")
show("  after args =", lambda: (o.errno, o.strerror, str(o)))
o.errno = 11
show("  after errno =", lambda: (o.errno, vars(o), str(o)))
o.filename = None
show("  filename None", lambda: str(o))
del o.filename
show("  filename deleted", lambda: (str(o), o.filename))
for args in [(), ("msg",), (1, "a"), (1, "a", None), (1, "a", "f", None, "g"),
             (1, "a", None, None, "g"), (1, "a", "f", 7), (1, 2, 3, 4, 5, 6)]:
    x = OSError(*args)
    print(" ", args, type(x).__name__, x.args, x.errno, x.strerror, x.filename, x.filename2,
          "|", x)
x = OSError("m")
x.filename = "f"
show("  filename only", lambda: str(x))
x.errno = 3
x.filename2 = "g"
show("  errno and two names", lambda: str(x))
y = OSError(2, "x")
y.strerror = 5
show("  strerror int", lambda: str(y))
show("  keyword", lambda: OSError(1, "x", filename="f"))
show("  subclass keyword", lambda: FileNotFoundError(1, "x", filename="f"))
show("  __new__", lambda: (lambda n: (type(n).__name__, n.args, n.filename))(
    OSError.__new__(OSError, 2, "x", "f")))
show("  __init__ again", lambda: (lambda n: (n.__init__(3, "y"), n.errno, n.args))(
    OSError(2, "x", "f")))


class NoSuper(OSError):
    def __init__(self, *args):
        pass


class WithSuper(OSError):
    def __init__(self, *args):
        super().__init__(*args)


class OwnNew(OSError):
    def __new__(cls, *args):
        return super().__new__(cls, *args)

    def __init__(self, *args):
        pass


for cls in (NoSuper, WithSuper, OwnNew):
    n = cls(2, "x", "f")
    print(" ", cls.__name__, n.args, n.errno, n.filename, "|", n)
show("  NoSuper keyword", lambda: NoSuper(1, k=2).args)
show("  WithSuper keyword", lambda: WithSuper(1, k=2))
c = copy.copy(OSError(2, "x", "f", None, "g"))
show("  copy", lambda: (type(c).__name__, c.args, c.filename, c.filename2, str(c)))

print("ImportError, NameError, AttributeError")
i = ImportError("m", name="n", path="p")
show("  import", lambda: (i.msg, i.name, i.path, vars(i)))
i.args = ("other",)
show("  msg after args =", lambda: i.msg)
i.__init__("a", "b")
show("  __init__ with two args", lambda: (i.msg, i.name, i.path, i.args))
i.__init__("c", path="q")
show("  __init__ again", lambda: (i.msg, i.name, i.path))
show("  bad keyword", lambda: ImportError("m", other=3))
show("  module not found", lambda: (lambda m: (m.name, m.msg))(ModuleNotFoundError("x", name="m")))
show("  module not found bad keyword", lambda: ModuleNotFoundError("x", foo=1))
n = NameError("x", name="y")
show("  name", lambda: (n.name, n.args, vars(n)))
n.__init__("z")
show("  name after __init__", lambda: n.name)
show("  name bad keyword", lambda: NameError("x", nam="y"))
show("  unbound local", lambda: UnboundLocalError("x", name="q").name)
show("  unbound local bad keyword", lambda: UnboundLocalError("x", foo=1))
a = AttributeError("m", name="n", obj=3)
show("  attribute", lambda: (a.name, a.obj, vars(a)))
del a.name
show("  attribute name deleted", lambda: a.name)
show("  attribute bad keyword", lambda: AttributeError("m", other=3))
show("  value error keyword", lambda: ValueError("m", name=3))
try:
    undefined_thing
except NameError as err:
    print("  raised:", err.name, vars(err))
try:
    (1).nope
except AttributeError as err:
    print("  raised:", err.name, err.obj, vars(err))

print("BaseExceptionGroup")
g = ExceptionGroup("m", [ValueError(1)])
show("  fields", lambda: (g.message, g.exceptions, vars(g)))
show("  set message", lambda: setattr(g, "message", "x"))
show("  delete exceptions", lambda: delattr(g, "exceptions"))
show("  descriptor set", lambda: BaseExceptionGroup.message.__set__(g, "x"))
