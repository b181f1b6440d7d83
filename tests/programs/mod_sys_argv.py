import sys


def main() -> None:
    print("argc", len(sys.argv))
    print(type(sys.argv).__name__, len(sys.argv) >= 1, isinstance(sys.argv[0], str))
    extra = sys.argv[1:]
    print("extra args", extra)


if __name__ == "__main__":
    main()
