import ops
import user
import patcher
import user2
from ops import inc, fact

print("start", user.run(5), user.hot(1000), inc(1), fact(6))
print("user2", user2.run(5), user2.hot(1000), user2.run(2.5)[:2])

# Annotated parameters receive other types: the generic body runs, as in CPython.
print(user.run(True)[:4], inc(2.5), user.run(4.0)[:4])
try:
    inc("a")
except TypeError as e:
    print("TypeError:", e)
try:
    user.run(None)
except TypeError as e:
    print("TypeError:", e)

# Rebinding `ops.inc` from another module: `from ops import inc` copied the old function,
# so the importers keep calling it; `ops.inc` is the new one.
patcher.patch_ops()
print("ops patched", user.run(5)[0], inc(1), ops.inc(1), user.hot(10))
print("user2 sees it", user2.run(5)[0], user2.hot(10))

# Rebinding the importer's own global from outside: its calls see the new value.
patcher.patch_user()
print("user patched", user.run(5)[0], user.hot(10))
patcher.patch_user_setattr(lambda x: x * 100)
print("setattr", user.run(5)[0], user.hot(3))
patcher.patch_user_vars(lambda x: "vars")
print("vars", user.run(5)[0])

# The module's function deleted, the module global of the importer rebound.
saved = ops.inc
del ops.inc
try:
    user2.hot(3)
except AttributeError as e:
    print("AttributeError:", e)
ops.inc = saved
print("user2 restored", user2.run(5)[0], user2.hot(10))
import fake_ops
user2.ops = fake_ops
print("user2.ops rebound", user2.run(3))
user2.ops = ops
print("user2.ops restored", user2.run(3), user2.hot(10))
import pkg.tools
del pkg.tools.square
try:
    user2.hot(3)
except AttributeError as e:
    print("AttributeError:", e)

# Deleted: NameError, as CPython.
del user.inc
try:
    user.hot(3)
except NameError as e:
    print("NameError:", e)

# Restored to the original function: direct again, same results.
user.inc = inc
print("restored", user.run(5)[0], user.hot(1000))

# The callee is read before the arguments: the arguments rebind `user.inc`, the call still
# calls the function read before them, the next call the new one.
print("read first", user.read_first(7))
user.inc = inc

# Recursion through an imported name keeps the recursion limit.
import sys
sys.setrecursionlimit(60)
try:
    fact(100)
except RecursionError:
    print("RecursionError")
