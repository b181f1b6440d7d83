# Objects in a reference cycle are finalized at exit (no collection runs before in a
# program this small).
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("del", self.name)


def make_cycle():
    a = Node("cycle a")
    b = Node("cycle b")
    a.other = b
    b.other = a


make_cycle()
print("cycle made and unreachable")
keep = Node("global")
print("end")
