x = "global x"


def shadow():
    x = "local x"
    return x


def read_global():
    return x


def nested_scopes(n: int) -> list:
    results = []

    def helper(k):
        return k * n

    for i in range(3):
        results.append(helper(i))
    return results


def loop_var_leak():
    for i in range(4):
        pass
    return i


print(shadow(), read_global(), x)
print(nested_scopes(5), loop_var_leak())


def counter_list():
    counts = [0]

    def inc():
        counts[0] += 1
        return counts[0]
    inc()
    inc()
    return inc()


print(counter_list())


def params_are_locals(a, b):
    a = a * 2
    b.append(a)
    return a, b


v = 3
lst = []
print(params_are_locals(v, lst), v, lst)
