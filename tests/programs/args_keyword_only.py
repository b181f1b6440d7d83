def connect(host: str, port: int = 80, *, timeout: float = 1.0, retries: int = 3) -> str:
    return f"{host}:{port} timeout={timeout} retries={retries}"


print(connect("a"))
print(connect("b", 8080))
print(connect("c", timeout=2.5))
print(connect("d", 22, retries=0, timeout=0.1))
print(connect(port=1, host="e"))


def only_kw(*, a, b=2):
    return a * 10 + b


print(only_kw(a=1), only_kw(b=5, a=3))


def mixed(x, /, y, *, z):
    return (x, y, z)


print(mixed(1, 2, z=3), mixed(1, y=2, z=3))


def collect(a, b=0, *args, c, d=4, **kw):
    return a, b, args, c, d, kw


print(collect(1, c=3))
print(collect(1, 2, 3, 4, c=5, e=6))
print(collect(*[9, 8, 7], **{"c": 0, "d": 1, "zz": 2}))
try:
    only_kw(1)
except TypeError as e:
    print("TypeError:", e)
