# Method calls the compiler specializes (append, pop, get) and caches (other builtin
# methods), on the receivers they are specialized for and on every other kind of receiver.


class Stack:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.append(x * 10)

    def pop(self):
        return self.items.pop() + 1

    def get(self, k, default=None):
        return ("got", k, default)


class Counter:
    def __init__(self):
        self.d = {}

    def get(self, k):
        return self.d.get(k, -1)


def use(s):
    s.append(1)
    s.append(2)
    return s.pop(), s.pop()


def lookup(m):
    return m.get("a"), m.get("z", 0)


lst = []
for i in range(5):
    lst.append(i)
print(lst, lst.pop(), lst)
print(use([]), use(Stack()))
print(lookup({"a": 2}), lookup(Stack()))
d = {"a": 1}
print(d.get("a"), d.get("b"), d.get("b", 7), d.get("a", 7))
print(Counter().get("x"))

# pop on an empty list raises; get with an unhashable key raises.
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    d.get([1])
except TypeError as e:
    print("TypeError", e)
# Wrong arity still reports the method's own error.
try:
    lst.append()
except TypeError as e:
    print("TypeError", e)
try:
    d.get()
except TypeError as e:
    print("TypeError", e)
# Instance attributes shadow methods.
s = Stack()
s.append = lambda x: print("shadowed", x)
s.append(3)
# Builtin types cannot be changed, so cached builtin methods stay right.
for t, name in ((list, "append"), (dict, "get"), (str, "upper"), (object, "x"), (ValueError, "y")):
    try:
        setattr(t, name, 5)
        print("set", t.__name__)
    except TypeError as e:
        print("TypeError", e)
# One call site, several receiver types: the cache is refilled, results stay right.
for v in ("a-b", [3, 1, 2], {"k": 1}, 2.5, 5):
    print(v.__class__.__name__, v.__class__.__name__.upper(), type(v).__name__)
for v in ("Ab", "cD", ["x"], "eF"):
    try:
        print(v.lower())
    except AttributeError as e:
        print("AttributeError", e)
# len() of every kind of value, through the runtime's length operation.


class Sized:
    def __len__(self):
        return 3


class BadLen:
    def __len__(self):
        return -1


for v in ("héllo", [1, 2], (1,), {"a": 1}, {1, 2, 3}, range(5, 100, 7), {}.keys(), Sized()):
    print(len(v))
for v in (5, None, BadLen()):
    try:
        print(len(v))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
