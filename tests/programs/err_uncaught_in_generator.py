def parse_all(items: list):
    for it in items:
        print("parsing", it)
        yield float(it)


values = list(parse_all(["1.5", "2"]))
print(values)
print(sum(values))
print(sum(parse_all(["3", "4.25", "five", "6"])))
print("unreachable")
