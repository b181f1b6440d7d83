class AppError(Exception):
    pass


class ValidationError(AppError):
    def __init__(self, field: str, message: str):
        super().__init__(field, message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"not found: {key}")
        self.key = key


def validate(user: dict) -> None:
    if "name" not in user:
        raise NotFound("name")
    if len(user["name"]) < 2:
        raise ValidationError("name", "too short")
    if user.get("age", 0) < 0:
        raise ValidationError("age", "negative")


for u in [{"name": "Al", "age": 3}, {"age": 1}, {"name": "X"}, {"name": "Bea", "age": -2}]:
    try:
        validate(u)
        print("valid", u)
    except ValidationError as e:
        print("invalid:", e, "| field", e.field, "| args", e.args)
    except AppError as e:
        print("app error:", e, e.args, type(e).__name__, isinstance(e, NotFound))
e = AppError("a", 1, None)
print(e, e.args, str(AppError()), AppError("solo").args, str(AppError("solo")))
print(repr(ValueError("v")), repr(KeyError("k")), str(KeyError("k")), repr(AppError(1, 2)))
