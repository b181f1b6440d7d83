# CPython's compiler refuses these `match` statements (SyntaxError), though they parse.
def describe(code: int, pair: list) -> str:
    match code:
        case value:  # error: syntax
            return "any"
        case 404:
            return "not found"
    match pair:
        case [x, x]:  # error: syntax
            return "twice"
        case [x, 0] | [0, y]:  # error: syntax
            return "axis"
        case {"k": a, "k": b}:  # error: syntax
            return "keys"
        case _:
            return "other"


print(describe(404, [1, 2]))
