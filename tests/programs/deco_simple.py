def trace(fn):
    def wrapper(*args, **kwargs):
        print(f"-> {fn.__name__}{args}")
        result = fn(*args, **kwargs)
        print(f"<- {fn.__name__} = {result}")
        return result
    return wrapper


@trace
def add(a: int, b: int) -> int:
    return a + b


@trace
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(add(2, 3))
print(fact(4))


CALLS = {}


def call_count(fn):
    CALLS[fn.__name__] = 0

    def wrapper(*args):
        CALLS[fn.__name__] += 1
        return fn(*args)
    return wrapper


@call_count
def noop(x):
    return x


for i in range(5):
    noop(i)
print("calls", CALLS)
