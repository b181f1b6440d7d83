def convert(s):
    try:
        return int(s)
    except ValueError:
        print("conversion failed for", repr(s))
        return {}["fallback"]


print(convert("42"))
print(convert("x"))
