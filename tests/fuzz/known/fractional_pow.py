# Known divergence (fuzz feature `fractional_pow`): a negative float to a fractional power.
# CPython 3.11: (1.7319121124709868e-16+2.8284271247461903j)
# molt:         ValueError: negative number cannot be raised to a fractional power (complex
#               results are not supported) -- an unsupported feature must raise an exception
#               whose message starts with `molt:`.
x = -8.0
print(x ** 0.5)
