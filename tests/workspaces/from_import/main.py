# `from m import a, b as c`: names bound from another module, the module itself only in
# `sys.modules` (not a global here), later changes to the module's globals not seen.
import sys
from shapes import Square, area as square_area, SIDES
from shapes import make

s = Square(3)
print(square_area(s), SIDES, make(2).side)
print("shapes" in sys.modules)
try:
    shapes
except NameError as e:
    print("NameError:", e)
import shapes
shapes.SIDES = 5
print(SIDES, shapes.SIDES, shapes.sides())
print(Square is shapes.Square, square_area is shapes.area)
try:
    from shapes import circle
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
from shapes import Square as Sq, SIDES as n
print(Sq(1).side, n)
