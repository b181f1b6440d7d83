import a
from b import plus

print("main:", a.early(), plus(5), a.plus(5))

try:
    import c
except ImportError as e:
    print("ImportError:", e)
