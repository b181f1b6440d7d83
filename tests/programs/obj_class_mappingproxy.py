# A class's __dict__ is a read-only mappingproxy.
class Config:
    "Settings."
    debug = False
    level = 3

    def show(self):
        return self.level


mp = Config.__dict__
print(type(mp).__name__)
print([k for k in mp if not k.startswith("__")])
print(mp["level"], mp.get("debug"), mp.get("missing", "none"), "show" in mp)
print(repr(mp).startswith("mappingproxy({'__module__': '__main__', '__doc__': 'Settings.'"))
try:
    mp["level"] = 4
except TypeError as e:
    print("TypeError:", e)
try:
    del mp["level"]
except TypeError as e:
    print("TypeError:", e)
try:
    mp["nope"]
except KeyError as e:
    print("KeyError:", e)
print(len(mp) == len(list(mp.keys())), list(mp.values())[1])
print(sorted(k for k, v in mp.items() if isinstance(v, int)))
copy = mp.copy()
copy["level"] = 99
print(type(copy).__name__, Config.level, dict(mp)["level"])
print(vars(Config) == Config.__dict__, type(vars(Config)).__name__)
Config.level = 5
print(mp["level"])
