# An inlined comprehension's variables die with its frame: a nested comprehension's loop
# variable is released when that comprehension ends, not when the enclosing one runs it
# again; an exception raised deep inside nested comprehensions releases the temporaries
# of every level in CPython's order, and the variables of every comprehension frame it
# leaves stay alive until the exception is dropped (CPython's traceback keeps the frames).


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def inner_variable_dies_at_exit():
    rows = [[0 for item in [Tracked("a%d" % j)]] + [print("after inner", j)] for j in range(3)]
    print("rows", rows)


def nested_variables_in_a_function(n: int) -> int:
    grid = [[[Tracked("c%d%d%d" % (i, j, k)).name for k in range(2)] for j in range(2)] for i in range(n)]
    print("grid", grid)
    return len(grid)


def fail_at(depth: int, i: int) -> int:
    if i == depth:
        raise ValueError("deep %d" % depth)
    return i


def raise_deep(depth: int) -> None:
    try:
        r = [[[fail_at(depth, k) for k in [Tracked("k"), 0, 1, 2][1:]] + [Tracked("t")] for j in [7]] for i in range(1)]
        print("no error", len(r))
    except ValueError as e:
        print("caught", e)


def outer_variable_kept() -> None:
    try:
        [[1 // 0 for k in [1]] for j in [Tracked("oj")]]
    except ZeroDivisionError as e:
        print("caught", e)
    print("after outer_variable_kept")


def raise_uncaught_in_comprehension() -> None:
    return [[[1 // (k - 1) for k in range(3)] for j in [8]] for i in [Tracked("ui")]]


inner_variable_dies_at_exit()
print(nested_variables_in_a_function(2))
raise_deep(1)
raise_deep(5)
outer_variable_kept()
try:
    raise_uncaught_in_comprehension()
except ZeroDivisionError as e:
    print("caught outside", e)
print("end")
