# match: OR and AS patterns, guards, what stays bound after a failed pattern or guard, and
# the subject evaluated once.


def subject(v):
    print("  evaluating subject", v)
    return v


def check(v, limit):
    print("  guard", v, limit)
    return v > limit


def classify(v) -> str:
    match subject(v):
        case 0 | 1 | 2 as small:
            return f"small {small}"
        case [x, 0] | [0, x] | (x, "zero"):
            return f"axis {x}"
        case [int(x), y] | (y, int(x), "swapped") if check(x, 10):
            return f"big pair x={x} y={y}"
        case [[a, b] as inner, c] as outer:
            return f"inner={inner} outer={outer} {a}{b}{c}"
        case str() as s if s.isdigit():
            return f"digits {s}"
        case (int() | float()) as number:
            return f"number {number}"
        case _:
            return "other"


for v in [0, 2, [5, 0], [0, 6], (7, "zero"), [11, 1], [3, 4], (1, 20, "swapped"),
          [[1, 2], 3], "123", "abc", 9, 2.5, None]:
    print(v, "->", classify(v))


def leftovers():
    x = y = "unset"
    match [1, 2, 3]:
        case [x, y, 4]:
            print("no")
        case _:
            print("after failed pattern:", x, y)
    match [1, 2]:
        case [x, y] if x > y:
            print("no")
        case _:
            print("after failed guard:", x, y)
    match (5, 6):
        case (1, a) | (a, 6):
            print("second alternative bound", a)
    return x


print(leftovers())

count = 0


def bump():
    global count
    count += 1
    return count


for i in range(4):
    match bump():
        case 1:
            print("first", count)
        case n if n % 2 == 0:
            print("even", n, count)
        case n:
            print("odd", n, count)

match 42:
    case int(x) as y if (z := x + 1) > 40:
        print("walrus in guard", x, y, z)
