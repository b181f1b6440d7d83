# A name CPython's `sys` or `time` has and the runtime's module does not: a compile-time
# error naming both, never a run-time difference (a name neither has stays a run-time
# AttributeError or ImportError).
import sys
import time as clock
from sys import argv, getsizeof  # unsupported: `sys.getsizeof` is not supported yet

print(sys.version_info.major, sys.float_info.epsilon, clock.perf_counter() >= 0, len(argv))
sys.excepthook = print  # unsupported: `sys.excepthook` is not supported yet
print(clock.strftime("%Y"))  # unsupported: `time.strftime` is not supported yet
print(sys.nope, sys.__name__)
