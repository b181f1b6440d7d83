# An uncaught struct.error from unpack with a buffer of the wrong size.
import struct

record = struct.Struct("<iq")
data = record.pack(1, 2)
print(record.unpack(data))
record.unpack(data[:-1])
