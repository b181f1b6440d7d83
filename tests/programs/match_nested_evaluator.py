# match: nested patterns in a small expression evaluator and simplifier over tuples,
# dataclass-like classes and dicts.


class Num:
    __match_args__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return f"Num({self.value})"


class BinOp:
    __match_args__ = ("op", "left", "right")

    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right

    def __repr__(self):
        return f"BinOp({self.op!r}, {self.left!r}, {self.right!r})"


def simplify(e):
    match e:
        case BinOp("+", Num(0), x) | BinOp("+", x, Num(0)):
            return simplify(x)
        case BinOp("*", Num(1), x) | BinOp("*", x, Num(1)):
            return simplify(x)
        case BinOp("*", Num(0), _) | BinOp("*", _, Num(0)):
            return Num(0)
        case BinOp(op, Num(a), Num(b)):
            return Num(evaluate(e))
        case BinOp(op, left, right):
            l, r = simplify(left), simplify(right)
            if (l, r) != (left, right):
                return simplify(BinOp(op, l, r))
            return BinOp(op, l, r)
        case _:
            return e


def evaluate(e) -> int:
    match e:
        case Num(value=int(v)):
            return v
        case BinOp("+" | "-" as op, left, right):
            l, r = evaluate(left), evaluate(right)
            return l + r if op == "+" else l - r
        case BinOp("*", left, right):
            return evaluate(left) * evaluate(right)
        case BinOp(op, _, _):
            raise ValueError(f"unknown operator {op!r}")
        case other:
            raise TypeError(f"not an expression: {other!r}")


exprs = [
    BinOp("+", Num(0), Num(5)),
    BinOp("*", BinOp("+", Num(2), Num(0)), Num(1)),
    BinOp("-", BinOp("*", Num(3), Num(4)), BinOp("*", Num(0), Num(9))),
    BinOp("+", BinOp("*", Num(1), BinOp("-", Num(7), Num(2))), Num(10)),
]
for e in exprs:
    s = simplify(e)
    print(e, "=>", s, "=", evaluate(s))

for bad in [BinOp("/", Num(1), Num(2)), "x"]:
    try:
        evaluate(bad)
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__, exc)


def route(request):
    match request:
        case {"method": "GET", "path": ["users", uid], "headers": {"auth": str(token)}}:
            return f"get user {uid} as {token}"
        case {"method": "POST" | "PUT" as m, "path": ["users"], "body": {"name": str(n), **extra}}:
            return f"{m} user {n} extra={sorted(extra)}"
        case {"method": m, "path": [*parts]}:
            return f"{m} {'/'.join(parts)} not found"
        case _:
            return "bad request"


print(route({"method": "GET", "path": ["users", "7"], "headers": {"auth": "t0k"}}))
print(route({"method": "GET", "path": ["users", "7"], "headers": {}}))
print(route({"method": "PUT", "path": ["users"], "body": {"name": "ann", "age": 3, "id": 1}}))
print(route({"method": "DELETE", "path": ("a", "b")}))
print(route({"path": []}))
