def f():
    a = 1
    class C:
        a = 5
        b = [a for _ in range(2)]
        c = [a + i for i in range(a)]
        d = {k: a for k in "xy"}
    return C.b, C.c, C.d
print(f())
q = "global"
class M:
    q = 3
    r = [q for _ in range(2)]
    s = [q * i for i in range(q)]
print(M.r, M.s)
def g():
    class C:
        try:
            v = [z for _ in range(1)]
        except NameError as e:
            v = str(e)
    z = 2
    return C.v
print(g())
