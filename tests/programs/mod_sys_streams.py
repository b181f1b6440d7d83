# The members of sys.stdout, sys.stderr and sys.stdin CPython's TextIOWrapper has: writing,
# the attributes, and the TypeErrors of bad arguments (stdin is empty here: /dev/null).
import sys

out, err, inp = sys.stdout, sys.stderr, sys.stdin
print(out.writelines(["a\n", "b\n"]))
out.writelines(("c", "d", "\n"))
out.writelines(iter(["e\n"]))
out.writelines([])
out.writelines(x + "\n" for x in "fg")
print(out.write("héllo ✓\n"), out.write(""))
print(err.writelines([]), err.write(""))
for s in (inp, out, err):
    print(s.name, s.mode, s.encoding, s.errors, s.closed, s.newlines)
    print(s.fileno(), s.isatty(), s.readable(), s.writable())
    print(s.line_buffering, s.write_through)
    print(repr(s), type(s).__name__)
print(out.flush(), err.flush())
print(type(out) is type(err), type(out) is type(inp))


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: out.write(b"bytes"))
attempt(lambda: out.write(1))
attempt(lambda: out.write())
attempt(lambda: out.write("a", "b"))
attempt(lambda: out.writelines([1]))
attempt(lambda: out.writelines(["ok\n", 2]))
attempt(lambda: out.writelines(1))
attempt(lambda: out.writelines())
attempt(lambda: out.writelines(["x\n"], ["y\n"]))
attempt(lambda: err.writelines([b"x"]))
attempt(lambda: err.write(1))
attempt(lambda: out.isatty(1))
attempt(lambda: out.fileno(1))
attempt(lambda: out.writable(1))
attempt(lambda: out.flush(1))
attempt(lambda: out.nonexistent)
attempt(lambda: sys.stdin.readline())
attempt(lambda: sys.stdin.read())
attempt(lambda: sys.stdin.readlines())
attempt(lambda: list(sys.stdin))
attempt(lambda: next(sys.stdin))
print(hasattr(out, "writelines"), hasattr(out, "encoding"), hasattr(out, "nonexistent"))
print(getattr(out, "name"), getattr(err, "errors", None))
print("end", file=out)
