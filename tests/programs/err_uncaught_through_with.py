class Guard:
    def __init__(self, name: str):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return False


with Guard("first"):
    print("fine")
with Guard("second"):
    data = {"a": [1, 2]}
    print(data["a"][5])
