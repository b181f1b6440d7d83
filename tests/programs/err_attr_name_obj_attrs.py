class Node:
    def __init__(self):
        self.left = None

n = Node()
try:
    n.rigth
except AttributeError as e:
    print(e.name, e.obj is n, str(e))
try:
    undefined_thing
except NameError as e:
    print(e.name, str(e))
print(NameError("x").name, AttributeError("y").obj)
n.lfet
