def describe(code: int) -> str:
    match code:  # unsupported: match
        case 200:
            return "ok"
        case 404:
            return "not found"
        case _:
            return "other"


print(describe(404))
