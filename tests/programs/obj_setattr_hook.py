# __setattr__ and __delattr__ overrides, delegating with object.* and super().
class Validated:
    def __init__(self, x: int) -> None:
        self.x = x

    def __setattr__(self, name, value):
        print("setattr", name, value)
        if not isinstance(value, int):
            raise TypeError(f"{name} must be int")
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        print("delattr", name)
        if name == "x":
            raise AttributeError("x is required")
        super().__delattr__(name)


v = Validated(3)
v.y = 4
print(v.x, v.y, sorted(vars(v)))
try:
    v.z = "no"
except TypeError as e:
    print("TypeError:", e)
del v.y
print(hasattr(v, "y"))
try:
    del v.x
except AttributeError as e:
    print("AttributeError:", e)
setattr(v, "w", 9)
print(v.w)


class Frozen:
    def __init__(self, a):
        object.__setattr__(self, "a", a)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign {name}")


f = Frozen(1)
print(f.a)
try:
    f.a = 2
except AttributeError as e:
    print("AttributeError:", e)
print(f.a)
