# A SyntaxError raised where it cannot propagate (in __del__) is reported by CPython's
# "Exception ignored" hook with its plain str(), not the layout of an uncaught one.


class Resource:
    def __del__(self):
        raise SyntaxError("in __del__", ("res.py", 2, 3, "close(", 2, 8))


r = Resource()
print("dropping")
del r
print("after")
