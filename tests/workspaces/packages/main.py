# Packages with `__init__.py`: `import pkg.sub` binds `pkg` with `pkg.sub` set,
# `import pkg.sub as s`, `from pkg import sub`, `from pkg.sub import f`, nested packages,
# and the order in which their code runs.
print("main starts")
import pkg.sub

print(pkg.__name__, pkg.sub.__name__, pkg.sub.f())
print(pkg.__package__, pkg.sub.__package__, pkg.__path__[0].rsplit("/", 1)[1])
print(pkg.__file__.rsplit("/", 2)[1:], pkg.sub.__file__.rsplit("/", 2)[1:])
import pkg.deep.leaf as leaf

print(leaf.__name__, leaf.VALUE, pkg.deep.leaf is leaf, pkg.deep.__package__)
from pkg import sub
from pkg.sub import f as sub_f

print(sub is pkg.sub, sub_f())
from pkg import later

print(later.NAME, hasattr(pkg, "later"))
try:
    from pkg import nope
except ImportError as e:
    print(str(e).split(" (")[0])
try:
    import pkg.nope
except ModuleNotFoundError as e:
    print(e, e.name)
print(pkg.INIT_VALUE)
