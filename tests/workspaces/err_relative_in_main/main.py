# A relative import in the script run as `__main__`: it has no package.
print("before")
from . import sibling
