class AppError(Exception):
    pass


class NetworkError(AppError):
    pass


class DiskError(AppError):
    pass


def op(n: int) -> str:
    if n == 1:
        raise NetworkError("timeout after 30s")
    if n == 2:
        raise DiskError("disk full")
    return "ok"


for n in range(3):
    try:
        print(n, op(n))
    except NetworkError as e:
        print(n, "retrying after", e)
