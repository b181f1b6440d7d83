def leaf(i):
    try:
        raise KeyError(i)
    except KeyError as k:
        raise ValueError(f"v{i}") from k

def make(n):
    excs = []
    for i in range(n):
        try:
            leaf(i)
        except ValueError as e:
            excs.append(e)
    return excs

g = ExceptionGroup("wide", make(17))
g.add_note("multi\nline note")
g.add_note("")
deep = ExceptionGroup("d0", [ValueError("bottom")])
for i in range(1, 13):
    deep = ExceptionGroup(f"d{i}", [deep, TypeError(i)])
try:
    raise deep
except ExceptionGroup as d:
    dd = d
try:
    raise g
except ExceptionGroup as e:
    raise RuntimeError("top") from ExceptionGroup("wrap", [e, dd])
