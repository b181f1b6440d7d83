# os: the working directory, directories and files as CPython sees them, the environment,
# and the OSError subclasses with errno, message and file names.
import os

print(os.name, os.sep, os.curdir, os.pardir, os.extsep, os.altsep, os.pathsep, repr(os.linesep))
print(os.devnull, os.defpath, os.error is OSError)
here = os.getcwd()
print(os.path.isabs(here), os.path.isdir(here), os.path.exists(here), os.path.isfile(here))
print(os.path.exists("/definitely/not/here"), os.path.isdir("/"), os.path.islink("/"))
names = os.listdir("/")
print("tmp" in names, "." in names, ".." in names, sorted(names) == sorted(os.listdir(path="/")))

root = os.path.join("/tmp", "molt_lib_os_files_" + str(os.getpid()))
os.makedirs(os.path.join(root, "a", "b"))
os.makedirs(os.path.join(root, "a", "b"), exist_ok=True)
os.mkdir(os.path.join(root, "c"))
print(sorted(os.listdir(root)), os.path.isdir(os.path.join(root, "a", "b")))
walked = []
for dirpath, dirnames, filenames in os.walk(root):
    dirnames.sort()
    walked.append((os.path.relpath(dirpath, root), sorted(dirnames), filenames))
print(walked)
print([os.path.relpath(d, root) for d, _, _ in os.walk(root, topdown=False)][-1])
os.rename(os.path.join(root, "c"), os.path.join(root, "d"))
print(sorted(os.listdir(root)), os.path.getsize(root) >= 0)
os.chdir(root)
print(os.getcwd() == root, sorted(os.listdir()), os.path.abspath("x") == root + "/x")
os.chdir(here)


def fails(f, *args) -> None:
    try:
        f(*args)
        print("no error")
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename == args[0], str(e).replace(root, "ROOT"))


fails(os.mkdir, os.path.join(root, "d"))
fails(os.listdir, os.path.join(root, "missing"))
fails(os.rmdir, os.path.join(root, "a"))
fails(os.remove, os.path.join(root, "a"))
fails(os.rename, os.path.join(root, "zz"), os.path.join(root, "yy"))
fails(os.path.getsize, os.path.join(root, "missing"))
fails(os.chdir, os.path.join(root, "missing"))
fails(os.makedirs, os.path.join(root, "a"))
os.removedirs(os.path.join(root, "a", "b"))
os.rmdir(os.path.join(root, "d"))
print(os.path.exists(root), os.listdir(root))
os.rmdir(root)
print(os.path.exists(root))

os.environ["MOLT_TEST_VAR"] = "value 1"
print(os.environ["MOLT_TEST_VAR"], os.getenv("MOLT_TEST_VAR"), "MOLT_TEST_VAR" in os.environ)
print(os.path.expandvars("<$MOLT_TEST_VAR> <${MOLT_TEST_VAR}>"))
del os.environ["MOLT_TEST_VAR"]
print(os.getenv("MOLT_TEST_VAR"), os.getenv("MOLT_TEST_VAR", "dflt"), os.environ.get("MOLT_TEST_VAR"))
try:
    os.environ["MOLT_NOT_SET_EITHER"]
except KeyError as e:
    print("KeyError", e)
print(type(os.environ).__name__, len(os.environ) == len(list(os.environ)))
print(os.strerror(2), "|", os.strerror(13))
os.listdir("/nonexistent/dir")
