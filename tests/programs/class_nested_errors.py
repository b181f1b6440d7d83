# Errors in and around classes defined inside functions and class bodies, with CPython's
# exception types, messages and qualified names.

def failing_body():
    class Broken:
        a = 1
        b = missing_name  # noqa: F821
    return Broken

try:
    failing_body()
except NameError as e:
    print("NameError:", e)

def bad_base():
    class X(3):
        pass

try:
    bad_base()
except TypeError as e:
    print("TypeError:", e)

def conflicting():
    class A: pass
    class B(A): pass
    class C(A, B): pass

try:
    conflicting()
except TypeError as e:
    print("TypeError:", str(e).replace("\n", " "))

def uses_before_def():
    try:
        Later()
    except NameError as e:
        print("NameError:", e)
    class Later:
        pass
    return Later

print(uses_before_def().__qualname__)

def attr_errors():
    class Holder:
        __slots__ = ("x",)
    h = Holder()
    try:
        h.x
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        Holder.nope
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        h.y = 1
    except AttributeError as e:
        print("AttributeError:", e)

attr_errors()

def init_errors():
    class P:
        def __init__(self, a, b):
            self.a = a
    try:
        P(1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        P(1, 2, 3)
    except TypeError as e:
        print("TypeError:", e)
    try:
        P(1, 2).missing()
    except AttributeError as e:
        print("AttributeError:", e)

init_errors()

def repr_forms():
    class R:
        pass
    r = R()
    text = repr(r)
    print(text.startswith("<__main__.repr_forms.<locals>.R object at 0x"), str(R), R.__module__)

repr_forms()

class Outer:
    class Err(Exception):
        pass
    def fail(self):
        raise self.Err("inner failure")

try:
    Outer().fail()
except Outer.Err as e:
    print(type(e).__qualname__, e)

def nonlocal_in_class():
    count = 0
    class Bump:
        nonlocal count
        count += 10
    return count

print(nonlocal_in_class())

def deleted_free():
    value = 1
    del value
    class Reader:
        try:
            got = value
        except NameError as e:
            got = str(e)
    def keep():
        return value
    return Reader.got

print(deleted_free())

def raise_uncaught():
    class Custom(ValueError):
        pass
    raise Custom("from a local class")

raise_uncaught()
