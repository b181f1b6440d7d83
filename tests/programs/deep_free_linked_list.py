# Freeing very deep structures must not overflow the native stack (CPython frees
# them with its "trashcan"); each structure is dropped several ways.


class Node:
    def __init__(self, value: int, nxt):
        self.value = value
        self.nxt = nxt


def build_list(n: int):
    head = None
    for i in range(n):
        head = Node(i, head)
    return head


def length(head) -> int:
    count = 0
    while head is not None:
        count += 1
        head = head.nxt
    return count


h = build_list(100000)
print("linked list built", length(h), h.value)
h = None
print("linked list freed by rebinding")

h = build_list(60000)
del h
print("linked list freed by del")

print("temporary list length", length(build_list(20000)))

t = ()
for i in range(100000):
    t = (t, i)
print("nested tuple built", len(t), t[1])
t = None
print("nested tuple freed")

lst = []
for i in range(100000):
    lst = [lst]
print("nested list built", len(lst))
holder = [lst]
lst = None
holder.clear()
print("nested list freed by clear")

d = {}
for i in range(50000):
    d = {"k": d, "i": i}
print("nested dict built", d["i"])
d = None
print("nested dict freed")

mixed = None
for i in range(20000):
    mixed = [(i, {"next": mixed})]
print("mixed built", mixed[0][0])
mixed = 0
print("mixed freed", mixed)


def make_and_drop(n: int) -> int:
    local = build_list(n)
    return local.value


print("freed at return", make_and_drop(30000))
print("done")
