def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))


print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))


def g(x, /, y, *, z):
    return x + y + z


print(g(1, 2, z=3), g(1, y=2, z=3))
for call in [lambda: g(x=1, y=2, z=3), lambda: g(1, 2, 3), lambda: g(1, 2), lambda: f(), lambda: f(1, 2, c=1, b=3), lambda: f(1, c=1, **{"c": 2})]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


def defaults(x, acc=[]):
    acc.append(x)
    return acc


print(defaults(1), defaults(2), defaults(3, []))


def kwonly_default(*, flag=False):
    return flag


print(kwonly_default(), kwonly_default(flag=True))
try:
    kwonly_default(True)
except TypeError as e:
    print("TypeError:", e)


def varargs(*args):
    return len(args), args


print(varargs(), varargs(1), varargs(*range(3), *"ab"))


def kwargs(**kw):
    return kw


print(kwargs(), kwargs(a=1, b=2), kwargs(**{"x": 1}, y=2))
try:
    kwargs(1)
except TypeError as e:
    print("TypeError:", e)
print((lambda *a, **k: (a, k))(1, b=2), (lambda x=3: x)(), (lambda: 7)())
print(sorted([3, 1, 2], key=lambda v: -v), max("apple", "fig", key=len), min(3, 1, key=lambda v: v % 3))


class C:
    def m(self, a, b=1):
        return a + b


try:
    C().m()
except TypeError as e:
    print("TypeError:", e)
try:
    C().m(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    C.m(1)
except TypeError as e:
    print("TypeError:", e)
