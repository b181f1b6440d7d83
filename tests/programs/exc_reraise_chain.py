class ConfigError(Exception):
    pass


def parse(value: str) -> int:
    try:
        return int(value)
    except ValueError as e:
        raise ConfigError(f"bad value {value!r}") from e


def load(values):
    out = []
    for v in values:
        try:
            out.append(parse(v))
        except ConfigError as e:
            print("load:", e, "| cause:", type(e.__cause__).__name__, e.__cause__)
            raise
    return out


print(load(["1", "2"]))
try:
    load(["3", "four", "5"])
except ConfigError as e:
    print("outer caught:", e, e.args)


def cleanup_and_reraise():
    try:
        [].pop()
    except IndexError:
        print("logging and re-raising")
        raise


try:
    cleanup_and_reraise()
except IndexError as e:
    print("got", repr(str(e)))
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise ValueError("while handling")
except ValueError as e:
    print(e, type(e.__context__).__name__, e.__context__)
try:
    raise RuntimeError("no cause") from None
except RuntimeError as e:
    print(e, e.__cause__, e.__suppress_context__)
