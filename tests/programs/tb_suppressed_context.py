def convert(x):
    try:
        return float(x)
    except ValueError:
        raise TypeError("not a number") from None

print(convert("1.5"))
convert("abc")
