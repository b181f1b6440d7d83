counter = 0


def bump():
    global counter
    counter += 1
    return counter


bump(); bump()
print(counter)


def outer():
    x = "outer"

    def middle():
        nonlocal x
        x = "middle"

        def inner():
            nonlocal x
            x += "+inner"
            return x
        return inner()
    r = middle()
    return r, x


print(outer())


def make():
    fs = []
    for i in range(3):
        def g(i=i):
            return i * 10
        fs.append(g)
    return [f() for f in fs]


print(make())


def late():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]


print(late())


def shadow():
    try:
        print(len)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    len = 5
    return len


print(shadow())
try:
    print(undefined_name_here)
except NameError as e:
    print("NameError:", e)


class K:
    v = 1
    w = [v * i for i in range(3)] if False else None

    def m(self):
        return K.v


print(K().m(), K.w)


def gen_closure():
    total = 0

    def add(n):
        nonlocal total
        total += n
        return total
    return add


a = gen_closure()
a(5)
print(a(6))
