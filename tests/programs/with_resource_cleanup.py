class Resource:
    open_count = 0

    def __init__(self, name, log: list):
        self.name = name
        self.log = log

    def __enter__(self):
        Resource.open_count += 1
        self.log.append(f"open {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        Resource.open_count -= 1
        self.log.append(f"close {self.name}" + ("" if exc is None else f" after {exc!r}"))
        return None

    def write(self, data):
        if data == "bad":
            raise ValueError("bad data")
        self.log.append(f"{self.name} <- {data}")


log = []
with Resource("r1", log) as r:
    r.write("hello")
    r.write("world")
try:
    with Resource("r2", log) as r:
        r.write("ok")
        r.write("bad")
        r.write("never")
except ValueError as e:
    log.append(f"handled {e}")


def nested():
    with Resource("outer", log) as a:
        with Resource("inner", log) as b:
            b.write("x")
            return Resource.open_count

print(nested(), Resource.open_count)
for line in log:
    print(line)
