def setup() -> int:
    config = 42
    return config


def use() -> int:
    return config + 1  # error: undefined-name


setup()
print(use())
