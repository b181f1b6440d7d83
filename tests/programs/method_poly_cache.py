# Method calls on receivers of unknown type go through a per-site cache of (class, compiled
# function) entries. Every way a cached entry could become wrong must take effect at once:
# subclass overrides, methods replaced on the class or a base, attributes of the instance
# shadowing the method, more classes at one site than the cache holds, methods that are not
# plain functions, keyword arguments, defaults, generators, errors.


class Node:
    def evaluate(self, env):
        return 0

    def describe(self):
        return "node"


class Num(Node):
    def __init__(self, value):
        self.value = value

    def evaluate(self, env):
        return self.value


class Var(Node):
    def __init__(self, name):
        self.name = name

    def evaluate(self, env):
        return env.get(self.name, 0)


class Add(Node):
    def __init__(self, left, right):
        self.left = left
        self.right = right

    def evaluate(self, env):
        return self.left.evaluate(env) + self.right.evaluate(env)

    def describe(self):
        return "add(" + self.left.describe() + ", " + self.right.describe() + ")"


class Neg(Node):
    def __init__(self, operand):
        self.operand = operand

    def evaluate(self, env):
        return -self.operand.evaluate(env)


class Twice(Num):
    """Overrides the method of a class that is already cached at the same sites."""

    def evaluate(self, env):
        return 2 * self.value


class Plain(Node):
    """Inherits `evaluate` from `Node`."""


class WithDefault(Node):
    def evaluate(self, env, scale=10):
        return scale


class Gen(Node):
    def evaluate(self, env):
        yield 1
        yield 2


class Raises(Node):
    def evaluate(self, env):
        raise KeyError(env.get("missing", "no such key"))


class Callable:
    def __call__(self, *args):
        return ("callable object", len(args))


def call_evaluate(node, env):
    return node.evaluate(env)


def call_describe(node):
    return node.describe()


def show(f, *args):
    try:
        r = f(*args)
        if hasattr(r, "__next__"):
            r = ("generator", list(r))
        print(r)
    except Exception as e:
        print(type(e).__name__, e)


env = {"x": 5, "y": -2}
tree = Add(Num(3), Neg(Add(Var("x"), Var("y"))))
for _ in range(3):
    show(call_evaluate, tree, env)
show(call_describe, tree)

# More classes at one site than the cache holds (each is called several times, in turns).
nodes = [Num(1), Var("x"), Add(Num(1), Num(2)), Neg(Num(4)), Twice(7), Plain(), Node()]
for _ in range(3):
    print([call_evaluate(n, env) for n in nodes])

# Defaults, generators, errors, non-functions.
show(call_evaluate, WithDefault(), env)
show(call_evaluate, Gen(), env)
show(call_evaluate, Raises(), env)
show(call_evaluate, 42, env)
show(call_evaluate, "text", env)

# The method replaced on the class after the site cached it.
n = Num(8)
show(call_evaluate, n, env)
Num.evaluate = lambda self, env: self.value + 100
show(call_evaluate, n, env)
show(call_evaluate, Twice(8), env)
# ... on a base class: `Plain` inherits from `Node`.
p = Plain()
show(call_evaluate, p, env)
Node.evaluate = lambda self, env: "patched base"
show(call_evaluate, p, env)
show(call_evaluate, Twice(8), env)
# ... by a staticmethod, a classmethod, a callable object.
Num.evaluate = staticmethod(lambda env: ("static", sorted(env)))
show(call_evaluate, n, env)
Num.evaluate = classmethod(lambda cls, env: ("class", cls.__name__))
show(call_evaluate, n, env)
Num.evaluate = Callable()
show(call_evaluate, n, env)
del Num.evaluate
show(call_evaluate, n, env)

# An attribute of the instance shadows the method.
v = Var("y")
show(call_evaluate, v, env)
v.evaluate = lambda env: "instance attribute"
show(call_evaluate, v, env)
show(call_evaluate, Var("x"), env)
del v.evaluate
show(call_evaluate, v, env)


# An instance whose attribute named like the method is assigned in `__init__` (a slot).
class Shadow(Node):
    def __init__(self):
        self.describe = lambda: "slot value"


class Other(Node):
    def describe(self):
        return "other"


show(call_describe, Other())
show(call_describe, Shadow())
show(call_describe, Other())


# Keyword arguments and a wrong number of arguments at a cached site.
def call_kw(node, env):
    return node.evaluate(env=env)


def call_two(node, env):
    return node.evaluate(env, env)


show(call_kw, Var("x"), env)
show(call_kw, Add(Num(1), Num(1)), env)
show(call_two, Var("x"), env)
show(call_two, Add(Num(1), Num(1)), env)
show(call_two, WithDefault(), env)


# Deep recursion through a cached site.
def chain(depth):
    node = Num(1)
    for _ in range(depth):
        node = Neg(node)
    return node


show(call_evaluate, chain(100), env)
try:
    chain(5000).evaluate(env)
except RecursionError as e:
    print("RecursionError", e)
