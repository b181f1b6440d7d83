# A sibling module: `import helper`, its functions and classes, its globals read and
# written from here and seen by its own functions.
import helper

print(helper.greet("main"))
print(helper.__name__, helper.__file__.rsplit("/", 1)[1], helper.__package__ == "")
print(helper.counter, helper.bump(), helper.bump(), helper.counter)
helper.counter = 100
print(helper.bump(), helper.counter)
helper.added = "set from main"
print(helper.read_added())
p = helper.Point(3, 4)
print(p, type(p).__name__, type(p).__module__, helper.Point.__qualname__)
print(isinstance(p, helper.Point), p.norm2())
print(helper.greet.__module__, helper.greet.__name__)
del helper.added
try:
    helper.read_added()
except NameError as e:
    print("NameError:", e)
try:
    helper.nope
except AttributeError as e:
    print("AttributeError:", e)
print(repr(helper).startswith("<module 'helper' from '"), repr(helper).endswith("helper.py'>"))
print(__name__, __file__.rsplit("/", 1)[1], __package__)
