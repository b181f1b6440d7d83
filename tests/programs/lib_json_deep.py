# Deeply nested JSON: documents well within the recursion limit decode and encode, and past
# it the RecursionError names what was being decoded or encoded, as CPython's does.
import json

for depth in (10, 500, 900):
    text = "[" * depth + "]" * depth
    v = json.loads(text)
    print(depth, json.dumps(v) == text)
    obj = json.loads('{"k": ' * depth + "1" + "}" * depth)
    print(depth, len(json.dumps(obj)))
for text in ("[" * 5000 + "]" * 5000, '{"a": ' * 5000 + "0" + "}" * 5000):
    try:
        json.loads(text)
    except RecursionError as e:
        print("RecursionError:", e)
x: list = []
for i in range(5000):
    x = [x]
try:
    json.dumps(x)
except RecursionError as e:
    print("RecursionError:", e)
json.loads("[" * 3000 + "]" * 3000)
