def check(label: str, value: bool) -> bool:
    print("eval", label)
    return value


print(True and False, True or False, not True, not 0)
print(0 or "default", "" or None, [] or [1], 3 and 4, 0 and 5)
print(None is None, None is not None, not None)
print(check("a", False) and check("b", True))
print(check("c", True) or check("d", False))
print(check("e", True) and check("f", True) and check("g", False))
print(bool(0), bool(1), bool(""), bool("x"), bool([]), bool([0]), bool({}), bool(0.0))
print(True + True, True * 3, False - 1, int(True), str(False))
print(1 if [] else 2, "yes" if "0" else "no")
x = 5
if x > 3 and not x > 10 or x == 0:
    print("in range")
values = [1, 0, 3]
print(all(values), any(values), all([]), any([]))
print(True == 1, False == 0, True is True, isinstance(True, int))
