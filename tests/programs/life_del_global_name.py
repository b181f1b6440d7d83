# `del` of a global name: later reads raise NameError.
class C:
    def __del__(self):
        print("del C instance")


x = C()
del x
print("after del x")
try:
    print(x)
except NameError as e:
    print("NameError:", e)


def f():
    global y
    y = C()
    del y


f()
print("f done")
print(y)
