class Recorder:
    def __init__(self, label: str, suppress: bool = False):
        self.label = label
        self.suppress = suppress

    def __enter__(self):
        print(f"[{self.label}] enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print(f"[{self.label}] exit cleanly")
        else:
            print(f"[{self.label}] exit with {exc_type.__name__}: {exc}")
        return self.suppress


def work(kind):
    with Recorder("outer"):
        with Recorder("middle", suppress=(kind == "value")):
            with Recorder("inner"):
                if kind == "value":
                    raise ValueError("v!")
                if kind == "key":
                    raise KeyError("k!")
                print("  inner work done")
            print("  after inner")
        print("  after middle")
    return "finished " + kind


for kind in ["none", "value", "key"]:
    try:
        print(work(kind))
    except KeyError as e:
        print("caught outside:", repr(e))
