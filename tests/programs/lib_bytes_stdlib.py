# bytes and bytearray through copy and json.
import copy
import json

b = b"immutable"
ba = bytearray(b"mutable")
print(copy.copy(b) is b, copy.deepcopy(b) is b)
c = copy.copy(ba)
d = copy.deepcopy([ba, ba])
c.append(33)
d[0].append(63)
print(ba, c, d, d[0] is d[1], d[0] is ba)
print(json.loads(b'{"a": [1, 2.5, "x"]}'), json.loads(bytearray(b"[true, null]")))
print(json.loads(b'\xef\xbb\xbf"bom"'), json.loads('"caf\u00e9"'.encode()))
try:
    json.dumps(b"x")
except TypeError as e:
    print("TypeError", e)
try:
    json.loads(b'{"a": \xff}')
except ValueError as e:
    print(type(e).__name__, e)
