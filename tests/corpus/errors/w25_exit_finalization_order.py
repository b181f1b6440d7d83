# A finalizer of instances that may be alive at exit: the order at exit may differ.


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):  # error: exit-finalization-order
        print("closing", self.name)


class Plain:
    def close(self):
        pass


def __del__(x):
    return x


keep = [Resource("a"), Resource("b")]


def lines(items):  # error: exit-finalization-order
    try:
        for x in items:
            yield x
    finally:
        print("closed")


def plain(items):
    for x in items:
        yield x
