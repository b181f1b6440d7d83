# A name CPython's standard module has and molt's does not: a compile-time error naming
# both, never a run-time difference (a name neither has stays a run-time ImportError).
import functools
import itertools as its
from functools import reduce, singledispatch  # unsupported: `functools.singledispatch` is not supported yet
from string import Template  # unsupported: `string.Template` is not supported yet

print(reduce, functools.partialmethod)  # unsupported: `functools.partialmethod` is not supported yet
print(its.pairwise, its.chain, functools.nope)
print(its._grouper, functools._kwd_mark)  # unsupported: `functools` has no attribute `_kwd_mark` in CPython
