class Mixin:
    def hint(self):
        return "hint:" + type(self).__name__
class MyOSError(Mixin, OSError):
    pass
e = MyOSError(2, "No such file", "f.txt")
print(type(e).__name__, e.errno, e.strerror, e.filename, str(e), e.hint())
class Stop(Mixin, StopIteration):
    pass
s = Stop(5)
print(s.value, s.hint(), isinstance(s, StopIteration))
class Err(Mixin, KeyError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key
def gen():
    yield 1
    raise Err("missing")
try:
    list(gen())
except LookupError as ex:
    print(repr(ex), ex.key, ex.hint())
class Sized:
    def __len__(self):
        return 3
class L(Sized, list):
    pass
print(len(L([1])), bool(L()), list(L([1, 2])))
class D(dict, Mixin):
    def __missing__(self, k):
        return self.hint() + k
print(D(a=1)["b"], D(a=1)["a"])
raise Err("k")
