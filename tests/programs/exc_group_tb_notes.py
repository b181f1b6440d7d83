class E(Exception):
    def __str__(self):
        raise RuntimeError("bad str")
def f():
    eg = ExceptionGroup("eg", [E(), ExceptionGroup("in", [ValueError(1)])])
    eg.__notes__ = ("tuple note", 3)
    raise eg
try:
    f()
except* E:
    raise
