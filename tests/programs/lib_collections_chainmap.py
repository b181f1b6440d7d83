from collections import ChainMap

defaults = {"color": "red", "user": "guest"}
env = {"user": "admin"}
cm = ChainMap(env, defaults)
print(cm, cm["user"], cm["color"], len(cm), list(cm), "color" in cm)
print(list(cm.items()), list(cm.keys()), list(cm.values()))
print(cm.keys(), cm.get("nope", 0), bool(cm), bool(ChainMap()))
child = cm.new_child({"color": "blue"})
print(child, child["color"], child.parents)
child["size"] = 3
print(child.maps[0], dict(child))
del child["size"]
try:
    del child["user"]
except KeyError as e:
    print("KeyError:", e)
try:
    ChainMap().popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    cm.pop("color")
except KeyError as e:
    print("KeyError:", e)
print(cm.new_child(), ChainMap(), cm.copy(), cm == dict(cm))
print(cm | {"x": 1}, {"x": 1} | cm)
cm.update(extra=1)
print(cm, cm.setdefault("color", "green"), cm.setdefault("new", "n"))
print(ChainMap.fromkeys("ab", 0))
print(cm["absent"])
