# Loops of arithmetic on items read from lists, which the compiler also runs on machine
# integers and floats: items of another type than the loop expects, big ints, NaNs,
# negative and out-of-range indexes, list subclasses and other sequences.


def dot(a: list[float], b: list[float], n: int) -> float:
    s = 0.0
    for k in range(n):
        s += a[k] * b[k]
    return s


def total(xs: list[int], n: int) -> int:
    t = 0
    for i in range(n):
        t += xs[i] * 3 - 1
    return t


def backwards(xs: list[int], n: int) -> int:
    t = 0
    for i in range(n):
        t = t * 7 + xs[-1 - i]
    return t % 1000000007


def mixed_acc(xs, n: int):
    s = 0
    for i in range(n):
        s += xs[i]
    return s


def untyped(xs, ys, n):
    s = 0.0
    for i in range(n):
        s += xs[i] - ys[i]
    return s


class Doubling(list):
    def __getitem__(self, i):
        return 2 * list.__getitem__(self, i)


def show(f, *args):
    try:
        r = f(*args)
        print(f.__name__, type(r).__name__, r)
    except Exception as e:
        print(f.__name__, type(e).__name__, e)


fa = [i * 0.25 - 3.0 for i in range(50)]
fb = [1.0 / (i + 1) for i in range(50)]
show(dot, fa, fb, 50)
show(dot, fa, fb, 0)
show(dot, fa, fb, 51)
show(dot, fa[:10] + [7] + fa[11:], fb, 50)
show(dot, fa[:10] + [2**80] + fa[11:], fb, 50)
show(dot, fa[:10] + [float("nan")] + fa[11:], fb, 50)
show(dot, fa[:10] + [float("inf")] + fa[11:], fb, 50)
show(dot, [-0.0] * 5, [1.0] * 5, 5)
show(dot, fa[:10] + ["x"] + fa[11:], fb, 50)
show(dot, tuple(fa), fb, 50)
show(dot, Doubling(fa), fb, 50)
show(dot, {k: 1.5 for k in range(50)}, fb, 50)

ia = list(range(-20, 30))
show(total, ia, 50)
show(total, ia[:5] + [True] + ia[6:], 50)
show(total, ia[:5] + [2.5] + ia[6:], 50)
show(total, ia[:5] + [2**47] + ia[6:], 50)
show(total, ia[:5] + [2**62] + ia[6:], 50)
show(total, ia[:5] + [2**100] + ia[6:], 50)
show(total, ia, 60)
show(total, Doubling(ia), 50)
show(backwards, ia, 50)
show(backwards, ia, 51)
show(backwards, [2**40 + k for k in range(30)], 30)
show(mixed_acc, [1, 2, 3.5, 4], 4)
show(mixed_acc, [1.5, 2, 3, 4], 4)
show(untyped, fa, fb, 50)
show(untyped, ia, ia[::-1], 50)
show(untyped, fa, ia, 50)
