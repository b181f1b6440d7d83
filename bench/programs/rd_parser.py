# Parsing: a recursive-descent parser and evaluator of integer expressions (errors as values).
from typing import Optional

MOD = 1_000_003


class Node:
    def evaluate(self, env: dict[str, int]) -> int:
        return 0


class Num(Node):
    def __init__(self, value: int) -> None:
        self.value = value

    def evaluate(self, env: dict[str, int]) -> int:
        return self.value


class Var(Node):
    def __init__(self, name: str) -> None:
        self.name = name

    def evaluate(self, env: dict[str, int]) -> int:
        return env.get(self.name, 0)


class Neg(Node):
    def __init__(self, operand: Node) -> None:
        self.operand = operand

    def evaluate(self, env: dict[str, int]) -> int:
        return -self.operand.evaluate(env)


class BinOp(Node):
    def __init__(self, op: str, left: Node, right: Node) -> None:
        self.op = op
        self.left = left
        self.right = right

    def evaluate(self, env: dict[str, int]) -> int:
        a = self.left.evaluate(env)
        b = self.right.evaluate(env)
        op = self.op
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b % MOD
        if b == 0:
            return 0
        if op == "/":
            return a // b
        return a % b


class Call(Node):
    def __init__(self, name: str, args: list[Node]) -> None:
        self.name = name
        self.args = args

    def evaluate(self, env: dict[str, int]) -> int:
        values = [arg.evaluate(env) for arg in self.args]
        if self.name == "max":
            return max(values)
        if self.name == "min":
            return min(values)
        return abs(values[0])


def lex(text: str) -> list[str]:
    tokens: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c.isdigit():
            j = i
            while j < n and text[j].isdigit():
                j += 1
            tokens.append(text[i:j])
            i = j
        elif c.isalpha():
            j = i
            while j < n and text[j].isalpha():
                j += 1
            tokens.append(text[i:j])
            i = j
        elif c != " ":
            tokens.append(c)
            i += 1
        else:
            i += 1
    return tokens


class Parser:
    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.error = ""

    def peek(self) -> str:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ""

    def advance(self) -> str:
        tok = self.peek()
        self.pos += 1
        return tok

    def fail(self, message: str) -> None:
        if not self.error:
            self.error = f"{message} at token {self.pos}"

    def parse(self) -> Optional[Node]:
        node = self.expr()
        if not self.error and self.pos != len(self.tokens):
            self.fail(f"unexpected {self.peek()!r}")
        return None if self.error else node

    def expr(self) -> Node:
        node = self.term()
        while self.peek() in ("+", "-"):
            op = self.advance()
            node = BinOp(op, node, self.term())
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.peek() in ("*", "/", "%"):
            op = self.advance()
            node = BinOp(op, node, self.unary())
        return node

    def unary(self) -> Node:
        if self.peek() == "-":
            self.advance()
            return Neg(self.unary())
        return self.atom()

    def atom(self) -> Node:
        tok = self.advance()
        if tok.isdigit():
            return Num(int(tok))
        if tok == "(":
            node = self.expr()
            if self.advance() != ")":
                self.fail("expected ')'")
            return node
        if tok.isalpha():
            if self.peek() != "(":
                return Var(tok)
            self.advance()
            args = [self.expr()]
            while self.peek() == ",":
                self.advance()
                args.append(self.expr())
            if self.advance() != ")":
                self.fail("expected ')' after arguments")
            return Call(tok, args)
        self.fail(f"unexpected {tok!r}" if tok else "unexpected end")
        return Num(0)


class Generator:
    def __init__(self, seed: int) -> None:
        self.seed = seed

    def rand(self, n: int) -> int:
        self.seed = (self.seed * 1103515245 + 12345) % 2147483648
        return (self.seed >> 8) % n

    def expr(self, depth: int) -> str:
        r = self.rand(10)
        if depth == 0 or r < 2:
            return str(self.rand(100)) if r % 2 == 0 else "xyz"[self.rand(3)]
        if r < 3:
            return f"-{self.expr(depth - 1)}"
        if r < 5:
            return f"({self.expr(depth - 1)})"
        if r < 6:
            name = ("max", "min", "abs")[self.rand(3)]
            count = 1 if name == "abs" else 2 + self.rand(2)
            return f"{name}(" + ", ".join(self.expr(depth - 1) for _ in range(count)) + ")"
        op = "+-*/%"[self.rand(5)]
        return f"{self.expr(depth - 1)} {op} {self.expr(depth - 1)}"


def run(count: int) -> None:
    gen = Generator(42)
    envs = [{"x": 3, "y": -7, "z": 11}, {"x": 100, "y": 0, "z": -1}]
    total = 0
    errors = 0
    first_error = ""
    for i in range(count):
        text = gen.expr(6)
        if i % 101 == 0:
            text = text + " )"
        elif i % 103 == 0:
            text = "(" + text
        tree = Parser(lex(text)).parse()
        if tree is None:
            errors += 1
            if not first_error:
                parser = Parser(lex(text))
                parser.parse()
                first_error = f"{text!r}: {parser.error}"
            continue
        for env in envs:
            total = (total * 31 + tree.evaluate(env)) % MOD
    print(count, errors, total)
    print(first_error)


run(25_000)
