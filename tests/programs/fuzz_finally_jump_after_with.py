# A `break`, `continue` or `return` inside a `finally` body, reached by leaving a `with`
# (or another `try`) inside the `try`: the finally body and the inner `with`'s exit each
# run once. (The robustness fuzz target found this: lowering ran the finally body again,
# and a `with` inside that body made it recurse without end.)


class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, *exc):
        print("exit", self.name)
        return False


def continue_in_finally():
    for i in range(2):
        try:
            with CM("a"):
                return 1
        finally:
            print("finally", i)
            continue
    return 2


def break_in_finally():
    while True:
        try:
            with CM("b"):
                with CM("c"):
                    return "from with"
        finally:
            print("finally before break")
            break
    return "after loop"


def return_in_finally() -> str:
    try:
        try:
            with CM("d"):
                return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
        return "outer"


def nested_with_in_finally():
    for i in range(2):
        try:
            with CM("e"):
                return i
        finally:
            with CM("f"):
                try:
                    print("body", i)
                except ValueError:
                    pass
                continue
    return "done"


print(continue_in_finally())
print(break_in_finally())
print(return_in_finally())
print(nested_with_in_finally())
