# `from m import *` of standard modules: the names the module binds are defined; any other
# name is still undefined, and a name CPython's module binds that molt's lacks is named.
from math import *
from itertools import *
from statistics import *

print(sqrt(4.0), list(repeat(1, 2)), mean([1, 2]))
print(no_such_name)  # error: undefined-name
print(open)  # error: unsupported-builtin
print(NormalDist)  # unsupported: `statistics.NormalDist` (bound by `from statistics import *`)
