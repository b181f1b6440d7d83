# throw() into a suspended generator runs its handlers; its locals go with it.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def gen():
    res = C("generator resource")
    try:
        yield 1
        yield 2
    except KeyError:
        print("gen caught KeyError")
        yield 3
    finally:
        print("gen finally")


g = gen()
print(next(g))
print(g.throw(KeyError))
try:
    g.throw(ValueError("boom"))
except ValueError as e:
    print("propagated", e)
print("after throw")
g = None
print("end")
