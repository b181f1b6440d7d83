# Using a memoryview after its `with` block released it: an uncaught ValueError.
with memoryview(b"abc") as m:
    print(m[0], m.tolist())
print(repr(m).startswith("<released memory"))
print(m[1])
