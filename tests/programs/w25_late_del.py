# `__del__` assigned to a class after instances exist: those instances are finalized too,
# when they die and at exit, as in CPython.


class C:
    def __init__(self, n):
        self.n = n


class D(C):
    pass


def fin(self):
    print("del", self.n)


a = C(1)
b = D(2)
keep = [C(3)]
tmp = C(4)
C.__del__ = fin
print("assigned")
del a
print("after del a")
tmp = None
print("after tmp")
keep.append(C(5))
b2 = b
del b
print("b still held")
b2 = 0
print("end of body")
