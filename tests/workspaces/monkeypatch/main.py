import sys

import helper


def show(label):
    print(label, helper.total([1, 2, 3]), helper.fact(5), helper.welcome("ann"))


show("before")

original = helper.scale
helper.scale = lambda x: x * 10
show("attribute store")

setattr(helper, "scale", lambda x: -x)
show("setattr")

vars(helper)["scale"] = lambda x: x + 100
show("vars()")

helper.__dict__["scale"] = lambda x: 0
show("__dict__")

sys.modules["helper"].scale = lambda x: x ** 2
show("sys.modules")

helper.scale = original
show("restored")

# A recursive function replaced: its own recursive calls reach the replacement.
real_fact = helper.fact
calls = []


def traced_fact(n):
    calls.append(n)
    return real_fact(n)


helper.fact = traced_fact
print(helper.fact(4), calls)
helper.fact = real_fact
print(helper.fact(4), calls)

# Deleting a function: its callers raise NameError, as CPython's do.
saved_greet = helper.greet
del helper.greet
try:
    helper.welcome("bob")
except NameError as e:
    print("NameError:", e)
helper.greet = saved_greet
print(helper.welcome("bob"))

# update() and pop() of the module's dict.
vars(helper).update({"greet": lambda name: "hi " + name})
print(helper.welcome("cy"))
vars(helper).pop("greet")
try:
    helper.welcome("cy")
except NameError as e:
    print("NameError:", e)
vars(helper).setdefault("greet", saved_greet)
print(helper.welcome("dee"))


# A patch that undoes itself, as unittest.mock.patch does.
class patched:
    def __init__(self, module, name, value):
        self.module, self.name, self.value = module, name, value

    def __enter__(self):
        self.saved = getattr(self.module, self.name)
        setattr(self.module, self.name, self.value)

    def __exit__(self, *exc):
        setattr(self.module, self.name, self.saved)
        return False


with patched(helper, "scale", lambda x: 7):
    show("inside patch")
show("after patch")

# Names the module does not use can be added freely; so can builtins it does not use.
helper.extra = 5
helper.print = None
print(helper.extra, helper.count())

# A module's __name__ can be given another str, or deleted (then the builtins module's is read).
print(helper.module_name())
helper.__name__ = "renamed"
print(helper.module_name(), helper.__name__ == "renamed")
del helper.__name__
print(helper.module_name())
helper.__name__ = "helper"
print(helper.module_name(), __name__ == "__main__")
