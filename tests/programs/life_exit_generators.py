# Suspended generators still referenced at exit are closed then (their finally runs).
def gen(tag):
    try:
        yield 1
        yield 2
    finally:
        print("finally", tag)


g1 = gen("g1")
next(g1)
g2 = gen("g2")
g3 = gen("never started")
g4 = gen("exhausted")
for _ in g4:
    pass
print("end")
