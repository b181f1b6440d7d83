# A standard module the runtime does not provide: CPython would find it, so a compiled
# program raising ModuleNotFoundError would give a different answer.
from collections import deque  # unsupported: importing `collections`
import os.path  # unsupported: importing `os.path`

print(deque(), os.path)
