# Classes: descriptors, __getattr__/__getattribute__, slots, metaclasses, dunder return
# type checks, NotImplemented fallbacks, and object() instances having no __dict__.
def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, "!", type(e).__name__, e)
class D:
    def __get__(self, obj, typ=None):
        print("get", obj is None, typ.__name__ if typ else None)
        return 42
class ND(D):
    def __set__(self, obj, v):
        print("set", v)
class A:
    d = D()
    nd = ND()
a = A()
t("A.d", lambda: A.d)
t("a.d", lambda: a.d)
a.__dict__["d"] = "inst"
t("a.d shadowed", lambda: a.d)
a.__dict__["nd"] = "inst"
t("a.nd data desc wins", lambda: a.nd)
a.nd = 5
class P:
    @property
    def x(self):
        return "px"
p = P()
t("set property no setter", lambda: setattr(p, "x", 1))
t("del property no deleter", lambda: delattr(p, "x"))
class Q:
    def __getattr__(self, n):
        if n == "boom":
            raise KeyError(n)
        return f"ga:{n}"
    @property
    def prop(self):
        raise AttributeError("from prop")
q = Q()
t("getattr fallback", lambda: q.zzz)
t("getattr from prop AE", lambda: q.prop)
t("getattr keyerror", lambda: q.boom)
t("hasattr keyerror", lambda: hasattr(q, "boom"))
class R:
    def __getattribute__(self, n):
        if n == "special":
            return "intercepted"
        return object.__getattribute__(self, n)
    def __getattr__(self, n):
        return "fallback " + n
t("getattribute", lambda: R().special)
t("getattribute fallback", lambda: R().other)
class S:
    __slots__ = ("a",)
t("slots no dict", lambda: setattr(S(), "b", 1))
t("slots dict attr", lambda: S().__dict__)
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class Sub(Base, flag=1):
    pass
t("super no args outside", lambda: super())
class M(type):
    def __call__(cls, *a, **k):
        print("meta call", a)
        return super().__call__(*a, **k)
class WithMeta(metaclass=M):
    def __init__(self, x):
        self.x = x
t("meta", lambda: WithMeta(3).x)
class N:
    def __new__(cls, *a):
        print("new", a)
        return 5
    def __init__(self, *a):
        print("init should not run")
t("new returns other", lambda: N(1))
class O:
    def __init__(self):
        return 1
t("init returns", lambda: O())
class EqOnly:
    def __eq__(self, o): return True
t("hash of eq-only", lambda: hash(EqOnly()))
t("eq-only in set", lambda: {EqOnly()})
class HashNone:
    __hash__ = None
t("hash None", lambda: hash(HashNone()))
class Str:
    def __str__(self): return 5
t("str returns int", lambda: str(Str()))
class Rep:
    def __repr__(self): return 5
t("repr returns int", lambda: repr(Rep()))
t("format repr int", lambda: f"{Rep()!r}")
class Len:
    def __len__(self): return -1
t("len negative", lambda: len(Len()))
class Len2:
    def __len__(self): return 2**70
t("len huge", lambda: len(Len2()))
class Len3:
    def __len__(self): return "3"
t("len str", lambda: len(Len3()))
class Bool:
    def __bool__(self): return 1
t("bool returns int", lambda: bool(Bool()))
class Bool2:
    def __len__(self): return 0
t("bool via len", lambda: bool(Bool2()))
class Idx:
    def __index__(self): return 2
t("list[Idx]", lambda: [1, 2, 3][Idx()])
t("range(Idx)", lambda: list(range(Idx())))
t("hex(Idx)", lambda: hex(Idx()))
t("Idx * str", lambda: "ab" * Idx())
class Call:
    def __call__(self, *a, **k): return (a, k)
t("callable obj", lambda: Call()(1, x=2))
t("call non-callable", lambda: 5())
t("call None", lambda: None())
class Cont:
    def __contains__(self, x): return x == 3
    def __iter__(self): return iter([1, 2])
t("contains", lambda: (3 in Cont(), 1 in Cont()))
class It:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i * 10
t("getitem iteration", lambda: (list(It()), 20 in It(), 5 in It()))
class Rev:
    def __len__(self): return 3
    def __getitem__(self, i): return i
t("reversed seq protocol", lambda: list(reversed(Rev())))
class Cmp:
    def __lt__(self, o): return NotImplemented
t("lt notimpl", lambda: Cmp() < Cmp())
t("lt notimpl int", lambda: Cmp() < 1)
class Add:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return "radd"
t("add notimpl then radd", lambda: Add() + 1)
t("radd", lambda: 1 + Add())
class Sub2(int):
    def __radd__(self, o): return "sub radd"
t("subclass radd priority", lambda: 1 + Sub2(2))
class IAdd:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return "add fallback"
def ia():
    x = IAdd()
    x += 1
    return x
t("iadd notimpl", ia)
class Dunder:
    pass
d = Dunder()
d.__len__ = lambda: 5
t("instance dunder ignored", lambda: len(d))
t("class attr __name__", lambda: (Dunder.__name__, Dunder.__qualname__, Dunder.__module__))
def f(): pass
t("func attrs", lambda: (f.__name__, f.__qualname__, f.__module__, f.__defaults__, f.__kwdefaults__))
class Outer:
    class Inner:
        def m(self): pass
t("nested qualname", lambda: (Outer.Inner.__qualname__, Outer.Inner.m.__qualname__))
t("bound method repr", lambda: repr(Outer.Inner().m).split(" at ")[0])
t("type(x) name", lambda: type(Outer.Inner()).__name__)
t("isinstance tuple", lambda: isinstance(1, (str, (int, float))))
t("isinstance bad", lambda: isinstance(1, 1))
t("issubclass bad", lambda: issubclass(1, int))
t("issubclass bool", lambda: (issubclass(bool, int), issubclass(bool, (str, int))))
class ClsGetItem:
    def __class_getitem__(cls, item): return f"cgi {item}"
t("class getitem", lambda: ClsGetItem[int])
t("list[int]", lambda: (list[int], dict[str, int], tuple[int, ...]))
t("type() 3 args", lambda: type("X", (object,), {"a": 1})().a)
t("type() bad", lambda: type("X", 1, {}))
t("object()", lambda: object().__class__.__name__)
t("object() attr", lambda: setattr(object(), "a", 1))
t("vars()", lambda: vars(5))
o = object()
t("object() del attr", lambda: delattr(o, "a"))
t("object() set __dict__", lambda: setattr(o, "__dict__", {}))
t("object() get __dict__", lambda: o.__dict__)
t("object() getattr", lambda: o.zz)
t("object() setattr __class__", lambda: setattr(o, "__class__", int))
class Plain: pass
t("subclass has dict", lambda: (setattr(Plain(), "a", 1), Plain.__name__))
