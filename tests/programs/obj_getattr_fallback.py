# __getattr__ runs only when normal lookup raises AttributeError (also from a property).
class Proxy:
    def __init__(self, target: dict) -> None:
        self.target = target
        self.misses = 0

    def __getattr__(self, name):
        self.misses += 1
        if name in self.target:
            return self.target[name]
        raise AttributeError(f"no attribute {name!r} anywhere")

    @property
    def broken(self):
        raise AttributeError("inside property")

    def real(self):
        return "real method"


p = Proxy({"color": "red", "size": 3, "broken": "from __getattr__"})
print(p.color, p.size, p.misses)
print(p.real(), p.target["size"], p.misses)
print(p.broken, p.misses)
print(hasattr(p, "weight"), p.misses)
print(getattr(p, "weight", "default"), p.misses)
try:
    p.weight
except AttributeError as e:
    print("AttributeError:", e)
p.color = "blue"
print(p.color, p.misses)
print(getattr(p, "size"))
