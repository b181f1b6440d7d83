# Reads stdin in the way named by argv[1] and prints what it got (tests/tests/stdin.rs runs
# it with several inputs and compares with CPython).
# modes: iter list read readlines read_n read_chunks readline_n hint mixed iterator errors
import sys


def show(label, value):
    if isinstance(value, list):
        print(label, "list", len(value), repr(value[:3]), repr(value[-2:]))
    else:
        print(label, type(value).__name__, len(value), repr(value[:40]), repr(value[-40:]))


mode = sys.argv[1]
if mode == "iter":
    n = 0
    chars = 0
    last = None
    for line in sys.stdin:
        n += 1
        chars += len(line)
        if n <= 3:
            print(repr(line))
        last = line
    print(n, chars, repr(last))
    print(repr(sys.stdin.readline()), repr(sys.stdin.read()), sys.stdin.readlines())
elif mode == "list":
    lines = list(sys.stdin)
    show("list", lines)
    print(all(l.endswith("\n") for l in lines[:-1]))
elif mode == "read":
    text = sys.stdin.read()
    show("read", text)
    print(text.count("\n"), repr(sys.stdin.read()), repr(sys.stdin.read(5)))
elif mode == "readlines":
    show("readlines", sys.stdin.readlines())
    print(sys.stdin.readlines())
elif mode == "read_n":
    parts = []
    for n in (0, 1, 2, 3, 5, 8, 13):
        parts.append(sys.stdin.read(n))
    print(parts)
    print(repr(sys.stdin.read(-1)[:60]))
    print(repr(sys.stdin.read(3)))
elif mode == "read_chunks":
    total = 0
    count = 0
    while True:
        chunk = sys.stdin.read(1000)
        if not chunk:
            break
        count += 1
        total += len(chunk)
    print(count, total)
elif mode == "readline_n":
    got = [sys.stdin.readline(2), sys.stdin.readline(0), sys.stdin.readline(-1),
           sys.stdin.readline(100), sys.stdin.readline(1), sys.stdin.readline()]
    print(got)
elif mode == "hint":
    print(sys.stdin.readlines(1))
    print(sys.stdin.readlines(5))
    print(sys.stdin.readlines(0))
elif mode == "mixed":
    print(repr(sys.stdin.readline()))
    try:
        print(repr(input()))
    except EOFError:
        print("EOFError")
    print(repr(next(sys.stdin, "<end>")))
    for line in sys.stdin:
        print("loop", repr(line))
        break
    print(repr(sys.stdin.read(4)))
    print(len(sys.stdin.readlines()))
    print(repr(next(sys.stdin, "<end>")))
    try:
        next(sys.stdin)
    except StopIteration as e:
        print("StopIteration", e.args)
elif mode == "iterator":
    it = iter(sys.stdin)
    print(it is sys.stdin, iter(it) is it, sys.stdin.__iter__() is sys.stdin)
    try:
        print(repr(sys.stdin.__next__()))
    except StopIteration:
        print("StopIteration")
    print(sorted(set(sys.stdin)))
    print(list(sys.stdin), tuple(sys.stdin))
elif mode == "errors":
    for call in (lambda: sys.stdin.read("x"), lambda: sys.stdin.read(1.5),
                 lambda: sys.stdin.readline("x"), lambda: sys.stdin.readline(None),
                 lambda: sys.stdin.readlines("x"), lambda: sys.stdin.read(1, 2),
                 lambda: sys.stdin.readline(1, 2)):
        try:
            print(repr(call()))
        except Exception as e:
            print(type(e).__name__, e)
    print(repr(sys.stdin.read(None)[:20]), sys.stdin.readlines(None))
    print(sys.stdin.readable(), sys.stdin.writable(), sys.stdin.fileno(), sys.stdin.isatty())
    print(sys.stdin.name, sys.stdin.mode, sys.stdin.encoding, sys.stdin.closed, sys.stdin.newlines)
    print(sys.stdin.line_buffering, sys.stdin.write_through)
