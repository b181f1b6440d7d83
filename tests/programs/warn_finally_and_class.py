x = 1
try:
    pass
finally:
    print(x is 1)
class M:
    def __enter__(self): return 1
    def __exit__(self, *a): pass
with M() as f:
    print(x is 2)
[x[1, 2] for x in [[1]] if x is 3]
class C(x is 4):
    y = x is 5
