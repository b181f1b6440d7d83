# A loop left only by an exception: the names it rebinds keep their objects until then.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


class Stop(Exception):
    pass


def step(n):
    if n == 3:
        raise Stop
    return n + 1


def run():
    held = C("held across the loop")
    n = 0
    while True:
        cur = C("iteration " + str(n))
        n = step(n)


try:
    run()
except Stop:
    print("stopped")
print("end")
