# A method's frame holds self: an object created and used in one expression lives until
# the method returns.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def work(self):
        print("working", self.name)
        return len(self.name)


print(C("temp").work())
print("after temp")


def f():
    r = C("in f").work()
    print("result", r)


f()
print("end")
