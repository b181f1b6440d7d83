# os.path as string operations: join, split, splitext, basename, dirname, normpath,
# commonprefix, commonpath, relpath, expandvars, and their errors.
import os.path
from os import path as p

print(p.join("a", "b", "/c", "d"), p.join("a", ""), p.join("", "x"), p.join("a/", "b"))
for s in ["/a/b/", "a", "/", "//x", "a/b", "", "///a//b"]:
    print(repr(s), p.split(s), repr(p.basename(s)), repr(p.dirname(s)))
for s in ["a.b.c", ".bashrc", "a/.b", "x..", "..a", "a.", "dir.d/file", "/x/y.tar.gz", ""]:
    print(repr(s), p.splitext(s))
for s in ["", "//a//b/../c/.", "///a", "../../a/..", "/..", "a/b/../../..", ".", "./a/./b/", "//"]:
    print(repr(s), repr(p.normpath(s)))
print(p.isabs("/x"), p.isabs("x"), p.isabs(""))
print(repr(p.commonprefix(["abc", "abd"])), repr(p.commonprefix([])), p.commonprefix(["/usr/lib", "/usr/local"]))
print(p.commonpath(["/a/b", "/a/c"]), p.commonpath(["a/b/c", "a/b/d", "a/b"]), p.commonpath(["/", "/a"]))
print(p.relpath("/a/b/c", "/a/d"), p.relpath("/a", "/a"), p.relpath("/x/y", "/"))
print(p.splitdrive("/a"), p.normcase("AbC"), p.sep, p.curdir, p.pardir, p.extsep, p.altsep, p.pathsep)
print(p.expandvars("plain"), p.expandvars("$NO_SUCH_VAR_X/${NO_SUCH_VAR_Y}z$"), p.expandvars("a$"))
print(p.expanduser("nothing/~"), p.abspath("/a/./b/../c"), p.isabs(p.abspath("rel")))
print(os.path.join is p.join, p.__name__, p.join.__module__, os.listdir.__module__, os.__name__)


def err(f, *args) -> None:
    try:
        print("ok", f(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


err(p.join, "a", 1)
err(p.join, 1)
err(p.commonpath, [])
err(p.commonpath, ["/a", "b"])
err(p.relpath, "")
err(p.basename, None)
err(p.splitext, 3)


class Here:
    def __fspath__(self) -> str:
        return "here/there"


print(p.join(Here(), "x"), p.basename(Here()), os.fspath(Here()), os.fspath("s"))
err(os.fspath, 5)
