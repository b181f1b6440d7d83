# `__name__ == "__main__"` holds only in the entry module.
import tool

print("tool says", tool.describe())


def main() -> None:
    print("main runs as", __name__)


if __name__ == "__main__":
    main()
