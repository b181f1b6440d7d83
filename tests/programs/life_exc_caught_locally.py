# An exception caught in the same function: temporaries die during unwinding, locals stay.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def gen(tag):
    try:
        yield 1
    finally:
        print("finally", tag)


def f():
    local = C("local")
    try:
        for x in gen("iterated"):
            raise ValueError("inside loop")
    except ValueError as e:
        print("caught", e)
    print("f continues with", local.name)


f()
print("end")
