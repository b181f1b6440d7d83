# print() writes to sys.stdout as the program set it, one write() per piece, and an
# item's __str__ runs between the pieces.
import sys
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
old = sys.stdout
w = W()
sys.stdout = w
print("captured", 1)
sys.stdout = old
print(w.parts)
class P:
    def __str__(self):
        print("inner")
        return "P"
print("a", P(), "b")
