# Merging a dict subclass (dict.update, dict(m), {**m}, f(**m)): CPython reads the carried
# dict directly unless the subclass overrides __iter__, and then goes through keys() and
# m[key], as for any mapping.


class KeysOverride(dict):
    def keys(self):
        return ["k"]

    def __getitem__(self, key):
        return 5


class IterOverride(dict):
    def __iter__(self):
        return iter(["i"])

    def keys(self):
        print("keys() called")
        return ["k", "j"]

    def __getitem__(self, key):
        return key * 2


def show(**kw):
    return kw


for cls in (KeysOverride, IterOverride):
    m = cls(a=1, b=2)
    d = {"z": 0}
    d.update(m)
    print(cls.__name__, "update", d)
    print(cls.__name__, "dict()", dict(m))
    print(cls.__name__, "{**m}", {**m})
    print(cls.__name__, "f(**m)", show(**m))
    print(cls.__name__, "list", list(m), "len", len(m))
