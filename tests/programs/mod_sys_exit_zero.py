import sys


def step(i: int) -> None:
    print("step", i)
    if i == 1:
        print("exiting early with 0")
        sys.exit(0)


print("doing work")
for i in range(3):
    step(i)
print("unreachable")
