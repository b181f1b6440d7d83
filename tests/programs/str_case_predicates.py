samples = ["hello", "Hello World", "HELLO", "123", "12a", "abc", "", "   ", "\t\n", "mIxEd cAsE", "it's a dog's life", "x1 y2"]
for s in samples:
    print(repr(s), [s.upper(), s.lower(), s.capitalize(), s.title(), s.swapcase()])
    print("  ", s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower())
print("Hello".istitle(), "hello world".istitle(), "A1".isupper())
print("٣".isdigit(), "é".isalpha(), "_".isalnum())
for w in ["hello world", "HELLO", "o'neil mcdonald", "x-ray vision", "3rd place"]:
    print(w.title(), w.capitalize(), w.upper().lower() == w.lower())
total_upper = sum(1 for c in "Hello World ABC" if c.isupper())
print("uppercase letters:", total_upper)
