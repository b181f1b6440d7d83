# An exception kept after its handler keeps the frames it passed through alive.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def fail():
    obj = C("kept by traceback")
    raise KeyError("stored")


saved = None
try:
    fail()
except KeyError as e:
    saved = e
print("handler done; exception saved")
saved = None
print("exception dropped")


def reraise():
    mine = C("reraise local")
    try:
        fail()
    except KeyError:
        print("reraising")
        raise


try:
    reraise()
except KeyError:
    print("caught again")
print("end")
