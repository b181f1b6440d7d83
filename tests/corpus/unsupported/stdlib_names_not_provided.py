# A name CPython's standard module has and molt's does not: a compile-time error naming
# both, never a run-time difference (a name neither has stays a run-time ImportError).
import functools
import itertools as its
from functools import reduce, singledispatch  # unsupported: `functools.singledispatch` is not supported yet
from re import Scanner  # unsupported: `re.Scanner` is not supported yet
from collections import deque, UserDict  # unsupported: `collections.UserDict` is not supported yet
from collections.abc import Awaitable  # unsupported: `collections.abc.Awaitable` is not supported yet
import abc
import collections.abc as cabc

print(reduce, functools.partialmethod)  # unsupported: `functools.partialmethod` is not supported yet
print(its.pairwise, its.chain, functools.nope, deque, abc.ABC)
print(abc.ABCMeta, cabc.Mapping)  # unsupported: `abc.ABCMeta` is not supported yet
print(its._grouper, functools._kwd_mark)  # unsupported: `functools` has no attribute `_kwd_mark` in CPython
from enum import Enum, FlagBoundary  # unsupported: `enum.FlagBoundary` is not supported yet
