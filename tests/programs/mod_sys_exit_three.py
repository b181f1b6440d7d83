import sys


def check(values: list) -> int:
    bad = [v for v in values if v < 0]
    print("bad values:", bad)
    return 3 if bad else 0


code = check([1, -2, 5, -7])
print("exit code will be", code)
sys.exit(code)
