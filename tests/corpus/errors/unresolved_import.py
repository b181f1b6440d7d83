# An import that finds no module: CPython raises ModuleNotFoundError when it runs, and so
# does the compiled program; the checker reports it with the folders it searched.
import sys

try:
    import no_such_helper_module  # error: unresolved-import
except ModuleNotFoundError as e:
    print(e.name)

from no_such_pkg.sub import f  # error: unresolved-import

print(sys.argv[0] != "", f)
