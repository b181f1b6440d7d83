def parse(text: str) -> int:
    try:
        return int(text)
    except ValueError as e:
        frames = e.__traceback__  # unsupported: `__traceback__`
        print(frames is None)
        return -1


print(parse("12"), parse("x"))
