# __getattribute__ sees every attribute read, including method lookups.
class Traced:
    def __init__(self) -> None:
        self.a = 1
        self.log = []

    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(name)
        if name == "hidden":
            raise AttributeError("hidden is hidden")
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return "fallback:" + name

    def method(self):
        return self.a + 1


t = Traced()
print(t.a)
print(t.method())
print(t.hidden)
print(t.missing)
print(t.log)
print(getattr(t, "a"), hasattr(t, "zzz"))
print(t.log[-3:])


class Upper:
    def __init__(self, word: str) -> None:
        self.word = word

    def __getattribute__(self, name):
        value = super().__getattribute__(name)
        if isinstance(value, str):
            return value.upper()
        return value


u = Upper("quiet")
print(u.word, u.__dict__)
