# Namespace packages: folders without `__init__.py`.
import ns.mod
from ns import other
from ns.inner import leaf

print(ns.mod.VALUE, other.VALUE, leaf.VALUE)
print(ns.__name__, ns.__file__, ns.mod.__package__, leaf.__package__)
print(ns.__path__[0].rsplit("/", 1)[1], ns.inner.__name__)
