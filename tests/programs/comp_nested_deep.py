# Comprehensions nested eight and more levels deep: molt compiles the outer levels of such
# a nest as functions of their own (as CPython 3.11 compiles every comprehension), the
# inner ones inline. Reads of enclosing loop variables, class scopes, `:=` and the
# comprehension's own scope must all behave as in CPython.


def f(n):
    return [[[[[[[[[a + b + c + d + e + g + h + i + j + n for j in range(2) if j <= i]
                   for i in range(2)] for h in range(2)] for g in range(1)]
               for e in range(2)] for d in range(1)] for c in range(2)] for b in range(1)]
            for a in range(2)]


r = f(10)
print(r)
print(sum(len(x) for x in r))
k = 5
s = {a: {b: [[[[[[(a, b, c, d, e, g, h, k) for h in range(1)] for g in range(1)] for e in range(1)]
               for d in range(1)] for c in range(1)] for _ in range(1)] for b in range(2)} for a in range(2)}
print(s)


class C:
    base = [1, 2]
    table = [[[[[[[[x * 2 for x in range(y)] for y in range(2)] for z in range(1)] for w in range(1)]
               for v in range(1)] for u in range(1)] for t in range(1)] for q in base]


print(C.table)


def walrus():
    out = [[[[[[[[(last := x) for x in range(3)] for y in range(1)] for z in range(1)] for w in range(1)]
                for v in range(1)] for u in range(1)] for t in range(1)] for q in range(2)]
    return out, last


print(walrus())
deep = [[[[[[[[[(top := x + y) for x in range(2)] for y in range(1)] for z in range(1)] for w in range(1)]
             for v in range(1)] for u in range(1)] for t in range(1)] for q in range(1)] for p in range(1)]
print(deep, top)


def boom():
    return [[[[[[[[1 // (x - 1) for x in range(3)] for y in range(1)] for z in range(1)] for w in range(1)]
                for v in range(1)] for u in range(1)] for t in range(1)] for q in range(2)]


try:
    boom()
except ZeroDivisionError as ex:
    print("caught", ex)
x = "outer"
r2 = [[[[[[[[x for x in range(1)] for y in range(1)] for z in range(1)] for w in range(1)]
            for v in range(1)] for u in range(1)] for t in range(1)] for q in range(2)]
print(r2, x)
print({frozenset({(a, b) for b in range(2)}) for a in range(2)} == {frozenset({(0, 0), (0, 1)}), frozenset({(1, 0), (1, 1)})})
