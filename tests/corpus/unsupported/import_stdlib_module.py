# A standard module the runtime does not provide: CPython would find it, so a compiled
# program raising ModuleNotFoundError would give a different answer.
from fractions import Fraction  # unsupported: importing `fractions`
import os.path  # unsupported: importing `os.path`

print(Fraction, os.path)
