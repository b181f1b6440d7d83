# json.dumps: CPython's text for every JSON type, the separators, indentation, key
# conversion and ordering, escapes, the encoder's hooks and its errors.
import json


class Point:
    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return json.JSONEncoder.default(self, o)


data = {"name": "molt", "n": 3, "f": 2.5, "ok": True, "no": False, "none": None,
        "list": [1, 2.0, -0.0, 1e100, 10**30, "x"], "tuple": (1, 2), "empty": [], "obj": {}}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", sort_keys=True))
print(json.dumps([1, [2, [3, []]], {}], indent=0))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps({3: "int", 1.5: "float", True: "t", False: "f", None: "n", -7: "neg"}))
print(json.dumps("é\x7f\x01😀\"\\/\b\f\n\r\t"))
print(json.dumps("é\x01😀\"\\\t", ensure_ascii=False))
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
print(json.dumps({float("inf"): 1}))
print(json.dumps([0.1, 1 / 3, 1e16, 1e-7, 123456789.0]))
print(json.dumps(Point(1, 2), cls=PointEncoder))
print(json.dumps([Point(3, 4)], default=lambda o: [o.x, o.y]))
print(json.dumps({"k": 1, (1, 2): 2, "j": 3}, skipkeys=True))
print(json.dumps("plain"), json.dumps(5), json.dumps(None), json.dumps(True))
enc = json.JSONEncoder(indent=1)
print(enc.item_separator == ",", enc.key_separator, repr(enc.encode([1, {"a": None}])))
print(list(json.JSONEncoder().iterencode([1, "a"])) != [])


def err(f, *args, **kwargs) -> None:
    try:
        print("ok", f(*args, **kwargs))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


err(json.dumps, {(1,): 2})
err(json.dumps, object())
err(json.dumps, {"a": {1, 2}})
err(json.dumps, float("nan"), allow_nan=False)
err(json.dumps, {"x": [float("inf")]}, allow_nan=False)
cyc: list = []
cyc.append(cyc)
err(json.dumps, cyc)
d: dict = {}
d["self"] = d
err(json.dumps, d)
err(json.dumps, {"b": 1, 2: 3}, sort_keys=True)
err(json.dumps, Point(1, 1), cls=PointEncoder, indent=2)
shared = [1]
print(json.dumps([shared, shared]))
