print("first starts")
import third
COUNT = 1
print("first ends")
