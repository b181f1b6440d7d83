# Methods: the receiver and the arguments move into the method's frame, whether the
# method is called on a temporary, through `self.m()`, a bound method object, a
# classmethod or a staticmethod.


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)

    def show(self, other):
        tmp = C(self.n + "-local")
        print("show", self.n, other.n)

    def chain(self):
        self.show(C(self.n + "-arg"))
        print("chain done")

    @staticmethod
    def st(a):
        print("static", a.n)

    @classmethod
    def cm(cls, a):
        print("classmethod", cls.__name__, a.n)


c = C("c")
c.show(C("a1"))
print("--- temporary receiver")
C("recv").show(C("a2"))
print("--- self.m()")
c.chain()
print("--- bound method object")
m = c.show
m(C("a3"))
C("recv2").show
print("--- bound method of a temporary")
bm = C("recv3").show
bm(C("a4"))
del bm
print("--- static and class methods")
C.st(C("s1"))
c.st(C("s2"))
C("recv4").st(C("s3"))
C.cm(C("k1"))
C("recv5").cm(C("k2"))
print("--- instance attribute")
c.f = lambda a: print("attr fn", a.n)
c.f(C("i1"))
print("end")
