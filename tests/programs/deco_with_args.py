def repeat(times: int):
    def decorator(fn):
        def wrapper(*args, **kwargs):
            results = []
            for _ in range(times):
                results.append(fn(*args, **kwargs))
            return results
        return wrapper
    return decorator


def prefix(tag="LOG"):
    def decorator(fn):
        def wrapper(*args):
            return f"[{tag}] " + fn(*args)
        return wrapper
    return decorator


@repeat(3)
def greet(name):
    return "hi " + name


@prefix("WARN")
def warn(msg: str) -> str:
    return msg.upper()


@prefix()
def info(msg):
    return msg


print(greet("bo"))
print(warn("disk almost full"), info("ok"))
counter = {"n": 0}


@repeat(times=4)
def tick():
    counter["n"] += 1
    return counter["n"]


print(tick(), counter)
