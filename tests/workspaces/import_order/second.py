print("second starts")
import first
import third
COUNT = 2
print("second ends", first.COUNT, third.NAME)
