# match inside generators, loops (break/continue, else), try/except/finally and with, and
# a module whose global `len` shadows the builtin (patterns still use the real len()).


def len(x):
    return -1


def tokens(text):
    for word in text.split():
        match list(word):
            case ["#", *_]:
                continue
            case ["!"]:
                return
            case [d, *rest] if d.isdigit():
                yield ("num", int(word))
            case [*chars] if chars == chars[::-1]:
                yield ("palindrome", word)
            case _:
                yield ("word", word)


print(list(tokens("abc 12 #skip level 7 ! never")))


def first_pair(rows):
    for row in rows:
        match row:
            case [x, y] if x == y:
                print("  equal pair, stop", x)
                break
            case [x, y]:
                print("  pair", x, y)
            case []:
                print("  empty, next")
                continue
            case _:
                print("  other", row)
    else:
        print("  no equal pair")
        return None
    return row


print(first_pair([[1, 2], [], (3, 3), [4, 4]]))
print(first_pair([[1, 2], "x", {}]))


class Ctx:
    def __enter__(self):
        print("  enter")
        return self

    def __exit__(self, *exc):
        print("  exit", exc[0].__name__ if exc[0] else None)
        return True


def risky(v):
    try:
        with Ctx():
            match v:
                case {"raise": kind}:
                    raise kind("inside match")
                case [a, b]:
                    return a / b
        return "suppressed"
    except ZeroDivisionError as e:
        return f"caught {e}"
    finally:
        print("  finally", v)


for v in [[6, 3], [1, 0], {"raise": KeyError}, "plain"]:
    print(risky(v))


def counter():
    total = 0
    while True:
        cmd = yield total
        match cmd:
            case ("add", int(n)):
                total += n
            case ("reset",):
                total = 0
            case "stop":
                return total


g = counter()
next(g)
print(g.send(("add", 5)), g.send(("add", 2)), g.send(("reset",)), g.send(("add", 1)))
try:
    g.send("stop")
except StopIteration as e:
    print("stopped with", e.value)
