# An uncaught struct.error from a range check: the last stderr line names struct.error.
import struct

print(struct.pack("<h", 1000).hex())
print(struct.pack(">H", 65535).hex())
struct.pack("<h", 40000)
