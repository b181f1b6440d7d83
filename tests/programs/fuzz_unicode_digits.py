# Found by the differential fuzzer (feature `unicode_digits`), fixed since: int() of non-ASCII decimal digits
# CPython 3.11: 3
# molt before the fix:         ValueError: invalid literal for int() with base 10: '٣'
print(int('٣'))
