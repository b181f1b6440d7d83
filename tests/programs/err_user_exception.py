class MyError(Exception):
    pass


def work(step: int) -> None:
    print("step", step)
    if step == 3:
        raise MyError("details")


for s in range(5):
    work(s)
