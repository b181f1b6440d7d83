# json.dump/json.load through objects with write/read methods, the submodules, and
# JSONEncoder/JSONDecoder subclasses.
import json
import json.decoder
import json.encoder
import sys


class Sink:
    def __init__(self) -> None:
        self.parts: list = []

    def write(self, s: str) -> int:
        self.parts.append(s)
        return len(s)


class Source:
    def __init__(self, text: str) -> None:
        self.text = text

    def read(self) -> str:
        return self.text


sink = Sink()
json.dump({"a": [1, 2, {"b": None}], "c": "d"}, sink, indent=2, sort_keys=True)
text = "".join(sink.parts)
print(text)
print(json.load(Source(text)))
print(json.load(Source("[1, 2]"), object_hook=dict))
json.dump([1, "two", 3.0], sys.stdout)
print()
print(json.decoder.JSONDecodeError is json.JSONDecodeError)
print(json.encoder.JSONEncoder is json.JSONEncoder, json.decoder.JSONDecoder is json.JSONDecoder)
print(json.encoder.encode_basestring_ascii("é\n"), json.encoder.encode_basestring("é\n"))
print(json.JSONDecodeError.__module__, json.JSONDecodeError.__name__, json.JSONDecodeError.__mro__[1])


class Upper(json.JSONDecoder):
    def decode(self, s):
        return json.JSONDecoder.decode(self, s.upper())


print(json.loads('["null", "x"]', cls=Upper))


class Sets(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        return super().default(o)


print(json.dumps({"s": {3, 1, 2}, "f": frozenset()}, cls=Sets))
print(Sets(sort_keys=True, separators=(";", "=")).encode({"b": {2, 1}, "a": 1}))
try:
    json.dumps([object()], cls=Sets)
except TypeError as e:
    print(e)
