# list.append and list.pop(): the inline path of generated code (room left, items left),
# growth and the empty list through the runtime, and the same names on other receivers.
s = []
for i in range(20):
    s.append(i * 1.5)
    s.append(str(i))
print(len(s), s[:5], s[-3:])
while s:
    x = s.pop()
print(s, x)
try:
    s.pop()
except IndexError as e:
    print("IndexError", e)
def f(l):
    l.append([1])
    l.append(l)
    return l.pop(), l.pop()
print(f([]))
class L(list):
    def append(self, x):
        super().append(("wrapped", x))
    def pop(self):
        return "popped"
l = L()
l.append(1)
print(l, l.pop())
class Stack:
    def __init__(self):
        self.items = []
    def append(self, x):
        self.items.append(x)
    def pop(self):
        return self.items.pop() if self.items else None
st = Stack()
st.append(5)
print(st.pop(), st.pop())
def build():
    out = []
    for i in range(1000):
        out.append([i] * 2)
    return out
b = build()
print(len(b), b[999])
t = []
t.append(t)
print(t)
d = {}
print(d.pop("k", 3))
def moved():
    return [1, 2, 3].pop(), [].append(4)
print(moved())
