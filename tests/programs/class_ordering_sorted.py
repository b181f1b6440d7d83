class Version:
    def __init__(self, text: str):
        self.parts = [int(p) for p in text.split(".")]
        self.text = text

    def __lt__(self, other: "Version") -> bool:
        return self.parts < other.parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __repr__(self):
        return "v" + self.text


versions = [Version(t) for t in ["1.10.0", "1.2.0", "1.2", "0.9.9", "2.0", "1.2.10", "1.10"]]
print(sorted(versions))
print(sorted(versions, reverse=True))
print(max(versions), min(versions))
print(Version("1.0") < Version("1.0.1"), Version("2.0") > Version("1.9"), Version("1.0") == Version("1.0"))
versions.sort()
print(versions)


class Task:
    def __init__(self, prio, name):
        self.prio = prio
        self.name = name

    def __lt__(self, other):
        return (self.prio, self.name) < (other.prio, other.name)

    def __repr__(self):
        return f"Task({self.prio}, {self.name!r})"


tasks = [Task(3, "write"), Task(1, "plan"), Task(2, "test"), Task(1, "coffee")]
print(sorted(tasks), sorted(tasks, key=lambda t: t.name))
print(Task(5, "a") > Task(4, "b"), Task(1, "a") < Task(1, "b"))
