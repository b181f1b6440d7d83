# Objects still alive when the program ends are finalized after the last line runs:
# module globals in creation order, then items of tuples and literal containers.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a = C("a")
b = C("b")
a2 = C("a2")
a = a2
print("a rebound: old a is gone only if nothing holds it")
objs = []
objs.append(C("appended1"))
objs.append(C("appended2"))
pair = (C("t1"), C("t2"))
lit = [C("l1"), C("l2")]
table = {"k": C("dictval")}


class Node:
    def __init__(self):
        self.left = C("attr-left")
        self.right = C("attr-right")


n = Node()
last = C("last")
print("end of program")
