# An uncaught OverflowError packing a half float.
import struct

print(struct.pack("<e", 65504.0).hex())
struct.pack("<e", 1e6)
