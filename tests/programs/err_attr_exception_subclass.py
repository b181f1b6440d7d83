class AppError(AttributeError):
    pass

try:
    raise AppError("caught")
except AttributeError as e:
    print("caught", e, e.name)

class Box:
    size = 1

print(Box().sise)
