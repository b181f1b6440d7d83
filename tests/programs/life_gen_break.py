# break out of a for loop over a generator drops the generator right at the break.
def gen(tag):
    try:
        for i in range(5):
            yield i
    finally:
        print("finally", tag)


def f():
    for x in gen("a"):
        if x == 1:
            print("breaking at", x)
            break
    print("after loop")


f()


def g():
    for x in gen("outer"):
        for y in gen("inner"):
            if y == 1:
                break
        print("inner loop left at", x)
        if x == 1:
            break
    print("g ends")


g()
