# Known divergence (fuzz feature `unicode_digits`): int() of non-ASCII decimal digits
# CPython 3.11: 3
# molt:         ValueError: invalid literal for int() with base 10: '٣'
print(int('٣'))
