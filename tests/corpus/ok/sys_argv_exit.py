import sys


def parse_args(argv: list) -> dict:
    opts = {"verbose": False, "count": 3, "rest": []}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "-v":
            opts["verbose"] = True
        elif arg == "-n" and i + 1 < len(argv):
            opts["count"] = int(argv[i + 1])
            i += 1
        else:
            opts["rest"].append(arg)
        i += 1
    return opts


print(len(sys.argv))
opts = parse_args(sys.argv[1:])
print(opts)
print(parse_args(["-v", "-n", "5", "file.txt"]))
for i in range(opts["count"]):
    print("tick", i)
if opts["verbose"]:
    print("verbose mode")
sys.exit(0)
