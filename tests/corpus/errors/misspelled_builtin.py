def show(values: list) -> None:
    for v in values:
        print(v)


total = sum([1, 2, 3])
show([total, len("abc")])
prnt(total)  # error: undefined-name
