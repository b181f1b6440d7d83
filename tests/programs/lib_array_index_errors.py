# array indexing errors: out of range, non-integer indices, for get, set and delete.
from array import array
a = array("i", [1, 2, 3])
for op in ("get", "set", "del"):
    for idx in (3, -4, "x", 1.0, True, -1):
        b = array("i", a)
        try:
            if op == "get":
                print(b[idx])
            elif op == "set":
                b[idx] = 9
                print(b)
            else:
                del b[idx]
                print(b)
        except Exception as e:
            print(op, idx, type(e).__name__, e)
