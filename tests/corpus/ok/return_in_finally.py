def f():
    try:
        return "try"
    finally:
        print("finally runs before return")


def override():
    try:
        return "try"
    finally:
        return "finally"


def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


def g():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("cleanup", i)
    return i


def h(n: int) -> int:
    result = 0
    try:
        result = 100 // n
    except ZeroDivisionError:
        result = -1
    finally:
        result += 1
    return result


print(f())
print(override(), swallow())
print(g())
print(h(7), h(0))
