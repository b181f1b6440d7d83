# `from m import *`: with and without `__all__`, packages, the embedded and runtime
# standard modules, and names that shadow builtins.
from math import *
from helpers import *
from explicit import *
from shapes import *
from tools import *
from collections import *
from itertools import *

print(sqrt(16.0), floor(2.5), pi > 3)
# math's `pow` shadows the builtin.
print(pow(2, 3))
print(double(21), square(5))
print(PUBLIC, helper_used_by_double(3))
print(listed())
import explicit
print(explicit.unlisted())
print(Square(3).area(), Circle(1).kind)
print(sub.sub_value, tools_name)
print(deque([1, 2, 3]).pop(), Counter("abca").most_common(1))
print(list(islice(count(5), 3)))
# A star-imported function called from a function of this module.
def use_them(n):
    return [double(i) for i in range(n)] + [max(1, 2)]
print(use_them(3))
# `len` is not rebound by any import: still the builtin.
print(len([1, 2]))
# The module's own definitions after the import override it.
def square(x):
    return "mine"
print(square(2))
import sys
me = sys.modules["__main__"]
print(hasattr(me, "double"), hasattr(me, "_private"), hasattr(me, "unlisted"))
print(hasattr(me, "shapes"), hasattr(me, "base"), hasattr(me, "sub"))
