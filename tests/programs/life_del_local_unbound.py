# `del x` of a local, then a use: UnboundLocalError with CPython's message.
def f():
    x = 1
    del x
    return x


try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)


def g(flag):
    y = [1, 2]
    if flag:
        del y
    print(len(y))


g(False)
g(True)
