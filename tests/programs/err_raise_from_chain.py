class ConfigError(Exception):
    pass


def load(text: str) -> int:
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("bad port setting") from e


print(load("8080"))
print(load("eighty"))
