# A module the runtime does not provide: CPython would find it, so a compiled program
# raising ModuleNotFoundError would give a different answer.
import helper  # unsupported: importing `helper`
from collections import deque  # unsupported: importing `collections`

print(helper.f(), deque())
