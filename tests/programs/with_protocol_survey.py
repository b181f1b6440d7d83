class Ctx:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow


with Ctx("a") as v:
    print("body", v)
with Ctx("b", swallow=True):
    raise ValueError("swallowed")
print("after b")
try:
    with Ctx("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
with Ctx("d") as x, Ctx("e") as y:
    print("both", x, y)


def early():
    with Ctx("f"):
        return "returned"


print(early())
for i in range(3):
    with Ctx("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)


class Bad:
    def __enter__(self):
        raise RuntimeError("enter failed")

    def __exit__(self, *a):
        print("never")


try:
    with Bad():
        print("never body")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    with object():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)


class ExitRaises:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise ValueError("from exit")


try:
    with ExitRaises():
        raise KeyError("original")
except ValueError as e:
    print("ValueError", e, "context", repr(e.__context__))


class OnlyEnter:
    def __enter__(self):
        return 1


class OnlyExit:
    def __exit__(self, *a):
        return False


for mgr in [OnlyEnter(), OnlyExit(), 5, None]:
    try:
        with mgr:
            print("never")
    except TypeError as e:
        print("TypeError:", e)


class InstanceAttrs:
    pass


obj = InstanceAttrs()
obj.__enter__ = lambda: 1
obj.__exit__ = lambda *a: None
try:
    with obj:
        print("never")
except TypeError as e:
    print("TypeError:", e)
