def make_divider(d):
    def divide(x):
        return x / d
    return divide

half = make_divider(2)
print(half(10))
zero = make_divider(0)
print(zero(5))
