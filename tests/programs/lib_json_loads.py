# json.loads: every JSON value, the hooks, and CPython's JSONDecodeError messages and
# positions for malformed documents.
import json
from json import JSONDecodeError

doc = """
{
  "name": "molt", "version": [0, 1, 2],
  "nested": {"a": {"b": [true, false, null]}},
  "nums": [0, -0, 12, -3.5, 1e3, 2E-2, 1.5e+2, -0.0, 123456789012345678901234567890],
  "esc": "q\\"b\\\\s\\/n\\nt\\tu\\u00e9\\ud83d\\ude00",
  "empty": {}, "list": []
}
"""
v = json.loads(doc)
print(v)
print(type(v["nums"][4]).__name__, type(v["nums"][1]).__name__, v["esc"])
print(json.loads("NaN"), json.loads("[Infinity, -Infinity]"), json.loads(' "s" '))
print(json.loads('{"a": 1, "a": 2}'))
print(json.loads('{"a": 1, "b": [1, 2]}', object_pairs_hook=lambda pairs: pairs))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads("[1, 2.5]", parse_int=lambda s: "int:" + s, parse_float=lambda s: "float:" + s))
print(json.loads("[NaN, 1]", parse_constant=lambda s: "const:" + s))
print(json.loads('"a\tb"', strict=False))
print(json.JSONDecoder().raw_decode('[1, 2] tail'))
print(json.dumps(json.loads(doc), sort_keys=True) == json.dumps(v, sort_keys=True))

bad = [
    "", "  ", "[1,]", '{"a":1,}', '"abc', '"a\x01"', '"\\x"', '"\\u12"', '"\\u12x4"',
    '"\\ud800\\u12x4"', '"\\u1234', '"ab\\', "01", "[1 2]", '{"a" 1}', "{1:2}", "nul", "-",
    "1.", "1e", "1e+", "-01", ".5", "[-]", "[NaNx]", "[-Infinity", '{"a":1}{', "{", "[",
    "[1,2", '{"a":', "tru", '{"a":1 "b":2}', "\ufeff1", "[\n1,\n2,\n]", '{\n  "k": x\n}',
]
for text in bad:
    try:
        print(repr(text), "->", json.loads(text))
    except JSONDecodeError as e:
        print(repr(text), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)

try:
    json.loads(5)
except TypeError as e:
    print("TypeError", e)
e = JSONDecodeError("msg", "ab\ncd", 4)
print(e.args, e.lineno, e.colno, isinstance(e, ValueError))
json.loads('{"unterminated": [1, 2')
