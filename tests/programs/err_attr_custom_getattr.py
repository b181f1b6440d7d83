class Proxy:
    def __init__(self):
        self.target = 1

    def __getattr__(self, name):
        print("missing", name)
        raise AttributeError("no such thing: " + name)

p = Proxy()
print(p.target)
print(p.targte)
