def main() -> None:
    total = 0
    for i in range(10_000_000):
        total += i
    print("sum", total)
    print("check", total == 10_000_000 * 9_999_999 // 2)
    print("fits in i64", total < 2 ** 63)


if __name__ == "__main__":
    main()
