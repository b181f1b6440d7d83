counter = 0
log = []
LIMIT: int = 3


def bump(n: int = 1) -> int:
    global counter
    counter += n
    return counter


def record(msg):
    log.append(msg)


def reset():
    global counter, log
    counter = 0
    log = ["reset"]


def read_only():
    return counter * LIMIT


for i in range(5):
    bump()
    record(f"bump {i}")
print(counter, log, read_only())
bump(10)
print(counter)
reset()
print(counter, log)
record("again")
print(log, read_only())


def make_global():
    global created
    created = "made"


make_global()
print(created)
