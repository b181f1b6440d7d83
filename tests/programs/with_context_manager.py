class Tracer:
    depth = 0

    def __init__(self, name: str):
        self.name = name

    def __enter__(self):
        print("  " * Tracer.depth + "enter " + self.name)
        Tracer.depth += 1
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        Tracer.depth -= 1
        status = "ok" if exc_type is None else "error " + exc_type.__name__
        print("  " * Tracer.depth + "exit " + self.name + " (" + status + ")")
        return False


with Tracer("outer") as o:
    print("body got", o)
    with Tracer("inner") as i:
        print("inner body got", i)
with Tracer("a") as a, Tracer("b") as b:
    print("both", a, b)


def use_in_function(n: int) -> int:
    with Tracer("func"):
        if n > 0:
            return n * 2
        print("n not positive")
    return -1


print(use_in_function(5))
print(use_in_function(0))
for k in range(3):
    with Tracer(f"loop{k}"):
        if k == 1:
            continue
        print("loop body", k)
