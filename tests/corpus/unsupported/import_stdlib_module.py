# A standard module the runtime does not provide: CPython would find it, so a compiled
# program raising ModuleNotFoundError would give a different answer.
from decimal import Decimal  # unsupported: importing `decimal`
import xml.dom  # unsupported: importing `xml.dom`

print(Decimal, xml.dom)
