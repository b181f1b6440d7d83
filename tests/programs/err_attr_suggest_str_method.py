word = "hello"
print(word.upper())
print(word.captialize())
