# ==, <, != and `in` on containers nested 50,000 deep raise RecursionError
# ("in comparison") instead of overflowing the native stack.


def nest_list(n: int, leaf):
    x = [leaf]
    for i in range(n):
        x = [x]
    return x


def nest_tuple(n: int, leaf):
    x = (leaf,)
    for i in range(n):
        x = (x,)
    return x


def nest_dict(n: int, leaf):
    x = {"leaf": leaf}
    for i in range(n):
        x = {"k": x}
    return x


def attempt(label: str, f) -> None:
    try:
        print(label, f())
    except RecursionError as e:
        print(label, "RecursionError:", e)


a = nest_list(50000, 1)
b = nest_list(50000, 1)
c = nest_list(50000, 2)
attempt("list ==", lambda: a == b)
attempt("list !=", lambda: a != c)
attempt("list <", lambda: a < c)
attempt("list is", lambda: a is a)
attempt("list == itself", lambda: a == a)
attempt("list in", lambda: a in [0, b])
ta = nest_tuple(50000, 1)
tb = nest_tuple(50000, 1)
attempt("tuple ==", lambda: ta == tb)
attempt("tuple <", lambda: ta < nest_tuple(20000, 2))
attempt("dict ==", lambda: nest_dict(20000, 1) == nest_dict(20000, 1))
attempt("index", lambda: [0, b].index(a))
attempt("shallow list ==", lambda: nest_list(100, 1) == nest_list(100, 1))
attempt("shallow list <", lambda: nest_list(100, 1) < nest_list(100, 2))
attempt("shallow tuple ==", lambda: nest_tuple(100, 1) == nest_tuple(100, 1))
attempt("shallow dict !=", lambda: nest_dict(100, 1) != nest_dict(100, 2))
attempt("mixed sizes", lambda: a == nest_list(49999, 1))
print("done")
