# An uncaught RecursionError from printing a list nested 20,000 deep: output
# printed before it is kept, and the last stderr line is CPython's.


def nest(n: int):
    x = [0]
    for i in range(n):
        x = [x]
    return x


small = nest(4)
print(small)
print("about to print a deep list")
deep = nest(20000)
print(len(deep))
print(deep)
print("not reached")
