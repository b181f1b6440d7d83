a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = "hello"
print(a, b)
a, *b, c = range(2, 9)
print(a, b, c)
(a, b), c = (1, 2), 3
print(a, b, c)
[a, [b, *c]] = [1, (2, 3, 4)]
print(a, b, c)
first, *_ = {"x": 1, "y": 2}
print(first)
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
print(*[1, 2], *"ab", sep="-")
print([*range(3), *(4, 5)], (*"xy",), {*[1, 1, 2]} == {1, 2})
d = {**{"a": 1}, "b": 2, **{"a": 3}}
print(d)


def f(*args, **kw):
    return args, kw


print(f(*[1, 2], 3, *(), **{"x": 1}, y=2))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
x = y = [0]
x.append(1)
print(y)
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 9
print(i, lst)
