# A method that raises (explicitly, or through an operation) called in a loop of another
# method: the caller's locals and parameters stay alive in the traceback until the handler
# ends, as CPython keeps the frames ("caught" before the "del" lines of the caller's frame).
class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class Stop(Exception):
    pass


class Box:
    def __init__(self, items):
        self.items = items

    def check(self, n):
        if n == 3:
            raise Stop
        return n + 1

    def at(self, i):
        return self.items[i] + 1

    def run(self, p):
        a = D("a")
        for i in range(5):
            self.check(i)
        return p

    def scan(self, p):
        b = D("b")
        total = 0
        for i in range(5):
            total += self.at(i)
        return total


def main():
    box = Box([1, 2, 3])
    try:
        box.run(D("p"))
    except Stop:
        print("caught Stop")
    print("after run")
    try:
        box.scan(D("q"))
    except IndexError as e:
        print("caught", e)
    print("after scan")


main()
