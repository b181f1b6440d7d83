# Resizing a bytearray while a memoryview of it is alive: an uncaught BufferError.
data = bytearray(b"payload")
view = memoryview(data)[2:]
print(view.tobytes(), len(data))
data[0:2] = b"PA"
print(data, view.obj is data)
data.extend(b"!")
print("not reached")
