config = {"db": {"host": "localhost", "port": 5432}, "debug": False, "tags": ["a"]}
config["db"]["port"] = 6543
config["tags"].append("b")
config.setdefault("cache", {})["size"] = 128
print(config)


def merge(base: dict, override: dict) -> dict:
    out = dict(base)
    for k, v in override.items():
        if k in out and isinstance(out[k], dict) and isinstance(v, dict):
            out[k] = merge(out[k], v)
        else:
            out[k] = v
    return out


merged = merge(config, {"db": {"host": "remote", "user": "u"}, "debug": True})
print(merged)
print(config["db"]["host"], merged["db"]["host"])
print(len(merged), list(merged["db"].keys()))
counts = {i: i * i for i in range(6)}
print(counts)
print({k: v for k, v in counts.items() if v % 2 == 0})
d2 = {1: "int", 1.5: "float", "1": "str", (1,): "tuple", None: "none", True: "bool?"}
print(d2, d2[1], len(d2))
