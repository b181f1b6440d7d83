class D(Exception):
    def __init__(self, n):
        super().__init__(n)
        self.n = n
    def __del__(self):
        print("del", self.n)
g = ExceptionGroup("g", [D(1), D(2)])
m, r = g.split(lambda e: getattr(e, "n", 0) == 1)
del m
print("after del m")
del g
print("after del g")
h = ExceptionGroup("h", [D(3)])
print("end")
