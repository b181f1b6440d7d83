# An uncaught UnicodeDecodeError ends the program with its message.
data = bytes([104, 105, 0xC3])
print(data[:2].decode())
print(data.decode("utf-8"))
