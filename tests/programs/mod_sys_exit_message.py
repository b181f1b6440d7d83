import sys


def validate(config: dict) -> list:
    missing = [k for k in ["name", "port", "host"] if k not in config]
    print("missing keys:", missing)
    return missing


print("validating")
config = {"name": "demo", "host": "localhost"}
if validate(config):
    sys.exit("fatal: missing port")
print("unreachable")
