def f():
    try:
        return "try"
    finally:
        print("finally runs before return")


def g():
    try:
        return "try"
    finally:
        return "finally wins"


def h():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed by finally"


def k(n: int) -> list:
    log = []
    for i in range(n):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            log.append(i)
        finally:
            log.append(f"f{i}")
    return log


def counter():
    x = 0
    try:
        x += 1
        return x
    finally:
        x += 100
        print("x in finally", x)


print(f())
print(g())
print(h())
print(k(5))
print(counter())
