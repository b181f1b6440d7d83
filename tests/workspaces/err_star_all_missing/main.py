print("start")
from bad import *
print("not reached")
