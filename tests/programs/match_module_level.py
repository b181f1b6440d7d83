# match at module level binds globals; in a class body it binds class attributes; in a
# function, captured names can be cells of closures and `global` names.
config = {"mode": "fast", "level": 3, "extra": [1, 2]}

match config:
    case {"mode": "slow"}:
        mode = "slow"
    case {"mode": mode, "level": int(level), **others}:
        print("module level bound", mode, level, others)

import sys

print(sorted(k for k in vars(sys.modules[__name__]) if k in ("mode", "level", "others")))


def read_globals():
    return mode, level, others


print(read_globals())


class Settings:
    match config:
        case {"level": lvl} if lvl > 2:
            high = True
        case _:
            high = False
    print("class body sees", lvl, high)


print(Settings.lvl, Settings.high, sorted(k for k in vars(Settings) if not k.startswith("__")))


def set_global(v):
    global picked
    match v:
        case [picked, *_]:
            return True
    return False


print(set_global([7, 8]), picked)
print(set_global("no"), picked)


def make_closures(items):
    fns = []
    for item in items:
        match item:
            case (name, value):
                fns.append(lambda: f"{name}={value}")
            case name:
                fns.append(lambda: f"{name} alone")
    return [f() for f in fns]


print(make_closures([("a", 1), "b", ("c", 3)]))


def shadowed_len():
    len = lambda x: 99
    match [1, 2]:
        case [a, b]:
            return a + b, len([])


print(shadowed_len())
