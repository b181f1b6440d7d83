class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __enter__(self):
        self.log.append("open " + self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        self.log.append("close " + self.name)
        if exc_type is KeyError:
            self.log.append("suppressed")
            return True
        return False


log = []
with Resource("a", log) as r:
    log.append("using " + r.name)

with Resource("b", log), Resource("c", log) as c:
    log.append("inner " + c.name)

with Resource("d", log):
    raise KeyError("missing")
log.append("after d")

try:
    with Resource("e", log):
        raise ValueError("boom")
except ValueError as e:
    log.append("caught " + str(e))

for line in log:
    print(line)
