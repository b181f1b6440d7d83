if False:
    undefined_thing = 1


def compute(v: int) -> int:
    return v * 2


print("before")
value = 5
print(compute(value))
print(undefined_thing)
print("unreachable")
