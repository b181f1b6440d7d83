import sys


def parse_pairs(text: str) -> dict:
    out = {}
    for chunk in text.split(","):
        k, _, v = chunk.strip().partition("=")
        out[k] = int(v) if v.isdigit() else v
    return out


def main() -> int:
    cfg = parse_pairs("width=80, height=24, title=demo, depth=3")
    print(cfg)
    area = cfg["width"] * cfg["height"]
    print("area", area)
    print("argc", len(sys.argv))
    print(__name__)
    return 0


if __name__ == "__main__":
    code = main()
    print("main returned", code)
else:
    print("imported")
