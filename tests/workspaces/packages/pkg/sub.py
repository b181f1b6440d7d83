print("pkg.sub runs")


def f():
    return "f of " + __name__
