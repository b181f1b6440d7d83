def describe() -> str:
    return "I am " + __name__


if __name__ == "__main__":
    print("never printed")
else:
    print("tool imported as", __name__)
