# User exceptions with __init__ and __str__ overrides and their own attributes.
class HttpError(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(status, reason)
        self.status = status
        self.reason = reason

    def __str__(self):
        return f"{self.status} {self.reason}"


class NotFound(HttpError):
    def __init__(self, path: str) -> None:
        super().__init__(404, "Not Found")
        self.path = path


class Quiet(Exception):
    def __init__(self):
        pass


try:
    raise NotFound("/x")
except HttpError as e:
    print(str(e), repr(e), e.args, e.status, e.path)
    print(sorted(vars(e)))
q = Quiet()
print(q.args, repr(q), repr(str(q)))


class Coded(ValueError):
    code = 7

    def __repr__(self):
        return "Coded!"


c = Coded("bad value")
print(c, repr(c), c.code, isinstance(c, ValueError))
c.code = 8
print(c.code, Coded.code)
raise NotFound("/missing")
