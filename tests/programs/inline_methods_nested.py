# Nested inlining of small methods (a method calling a small method of its class): results,
# guards that fail at the inner call only, the recursion limit reached at the inner call,
# and an uncaught exception raised two inlined frames deep (the traceback shows every frame).
import sys


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self) -> str:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ""

    def advance(self) -> str:
        tok = self.peek()
        self.pos += 1
        return tok

    def skip(self, n: int) -> int:
        for _ in range(n):
            self.advance()
        return self.pos


class Loud(Parser):
    def peek(self) -> str:
        return "<" + Parser.peek(self) + ">"


def collect(p):
    out = []
    while p.peek() and p.pos < len(p.tokens):
        out.append(p.advance())
    return out


print(collect(Parser(["a", "b", "c"])))
print(collect(Loud(["x", "y"]))[:3])
p = Parser(list("hello"))
print(p.skip(3), p.advance(), p.advance(), repr(p.advance()))


def patched_peek(self):
    return "patched"


q = Parser(["1", "2", "3"])
print(q.advance())
Parser.peek = patched_peek
print(q.advance(), q.pos)
del Parser.peek
try:
    q.advance()
except AttributeError as e:
    print("AttributeError", e)
Parser.peek = lambda self: self.tokens[self.pos] if self.pos < len(self.tokens) else ""
print(q.advance(), q.pos)


# The recursion limit reached at the inner call: where does CPython raise?
class Deep:
    def __init__(self):
        self.pos = 0
        self.tokens = ["t"]

    def top(self) -> str:
        return self.tokens[0]

    def pop_top(self) -> str:
        tok = self.top()
        self.pos += 1
        return tok


def dive(d, n):
    d.pop_top()
    return dive(d, n + 1)


for limit in (120, 121, 122):
    sys.setrecursionlimit(limit)
    d = Deep()
    try:
        dive(d, 0)
    except RecursionError as e:
        print("limit", limit, "calls", d.pos, type(e).__name__)
sys.setrecursionlimit(1000)


class Tape:
    def __init__(self, cells):
        self.cells = cells
        self.at = 0

    def look(self) -> str:
        return self.cells[self.at] if self.at < len(self.cells) else ""

    def step(self) -> str:
        tok = self.look()
        self.at += 1
        return tok


def walk(p, n):
    total = 0
    for _ in range(n):
        total += len(p.step())
    return total


print(walk(Tape(list("abcdef")), 6))
print(walk(Tape(["ab", "cd"]), 3))
t = Tape(None)
print(walk(t, 5))
