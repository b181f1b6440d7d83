# An AttributeError of a method lookup is raised before the arguments run, with the
# traceback pointing at the lookup.
class A:
    pass
def arg(v):
    print("arg", v)
    return v
def f():
    A().missing(arg(4),
                arg(5))
f()
