log = []


def risky(n):
    try:
        log.append("start " + str(n))
        if n == 0:
            raise ValueError("zero")
        return 10 // n
    finally:
        log.append("finally " + str(n))


for n in [5, 0, 2]:
    try:
        print("result", risky(n))
    except ValueError as e:
        print("caught", e)

print(log)

try:
    try:
        [1, 2, 3][10]
    except KeyError:
        print("wrong handler")
    finally:
        print("inner finally")
except IndexError as e:
    print("outer caught IndexError:", e)
else:
    print("no error")

try:
    x = 1 / 4
except ZeroDivisionError:
    print("div")
else:
    print("else branch", x)
finally:
    print("done")
