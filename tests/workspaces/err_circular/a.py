x = 1
from b import z
y = 2
