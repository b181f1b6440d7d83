# Clearing containers releases their items at once, in CPython's order.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


items = [C("a"), C("b"), C("c")]
print("clear")
items.clear()
print("cleared")

items = [C("x"), C("y"), C("z")]
del items[1]
print("after del items[1]")
items.pop()
print("after pop")
items[0] = C("x2")
print("after store")
items = None
print("list gone")

d = {"k1": C("v1"), "k2": C("v2")}
d.pop("k1")
print("after pop k1")
d["k2"] = C("v3")
print("after overwrite k2")
del d["k2"]
print("after del k2")
print(len(d))
