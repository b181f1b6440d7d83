# __del__ added to a class: instances made from then on are finalized (on release and
# at exit); this program adds it when none made without it are alive (w25_late_del.py
# adds it while some are).


class A:
    def __init__(self, name):
        self.name = name


class B(A):
    pass


def bye(self):
    print("bye", self.name)


a = A("first")
print("made", a.name)
del a
A.__del__ = bye
x = A("x")
y = B("y")
del x
print("after del x")
y = None
print("after y = None")
keep = [A("kept1"), B("kept2")]
del A.__del__
z = A("z")
del z
print("z gone silently")
A.__del__ = lambda self: print("lambda bye", self.name)
w = B("w")
print("end")
