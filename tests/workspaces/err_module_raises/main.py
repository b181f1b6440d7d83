# A module whose code raises: the import fails, the module is not kept in `sys.modules`,
# and importing it again runs its code again.
import sys

try:
    import fragile
except ZeroDivisionError as e:
    print("first import failed:", e, "fragile" in sys.modules)
try:
    import fragile
except ZeroDivisionError as e:
    print("second import failed too:", e)
import fragile
