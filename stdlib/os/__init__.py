# molt's `os`: the process environment, the working directory and directories, over the
# runtime's `posix` module. Written for molt, not CPython's code; results and errors are
# CPython's on Linux (`FileNotFoundError: [Errno 2] No such file or directory: 'x'`).

import posix as _posix
from collections.abc import MutableMapping as _MutableMapping

from . import path

__all__ = [
    "altsep", "chdir", "curdir", "defpath", "devnull", "environ", "error", "extsep", "fspath",
    "getcwd", "getenv", "getpid", "linesep", "listdir", "makedirs", "mkdir", "name", "pardir",
    "path", "pathsep", "putenv", "remove", "removedirs", "rename", "rmdir", "sep", "strerror",
    "unlink", "unsetenv", "walk",
]

name = "posix"
linesep = "\n"
sep = path.sep
curdir = path.curdir
pardir = path.pardir
extsep = path.extsep
altsep = path.altsep
pathsep = path.pathsep
defpath = path.defpath
devnull = path.devnull
error = OSError

getcwd = _posix.getcwd
getpid = _posix.getpid
strerror = _posix.strerror


def fspath(path):
    """`path` as a str: a str itself, else what its `__fspath__` returns."""
    if isinstance(path, str):
        return path
    if isinstance(path, (bytes, bytearray)):
        raise NotImplementedError("molt: bytes paths are not supported yet")
    fs = getattr(type(path), "__fspath__", None)
    if fs is None:
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(path).__name__}")
    result = fs(path)
    if not isinstance(result, str):
        raise TypeError(
            f"expected {type(path).__name__}.__fspath__() to return str or bytes, not {type(result).__name__}"
        )
    return result


def _no_fd(argument, value):
    if value is not None:
        raise NotImplementedError(f"molt: the {argument} argument of os functions is not supported yet")


def chdir(path):
    """Makes `path` the working directory."""
    _posix.chdir(fspath(path))


def listdir(path=None):
    """The names of the entries of directory `path` (default `.`), in the directory's
    order, without `.` and `..`."""
    return _posix.listdir("." if path is None else fspath(path))


def mkdir(path, mode=0o777, *, dir_fd=None):
    """Creates directory `path`; `FileExistsError` when it exists."""
    _no_fd("dir_fd", dir_fd)
    if mode != 0o777:
        raise NotImplementedError("molt: the mode argument of os.mkdir is not supported yet")
    _posix.mkdir(fspath(path))


def makedirs(name, mode=0o777, exist_ok=False):
    """Creates directory `name` and the missing directories above it; with `exist_ok`, an
    existing directory is no error."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def rmdir(path, *, dir_fd=None):
    """Removes the empty directory `path`."""
    _no_fd("dir_fd", dir_fd)
    _posix.rmdir(fspath(path))


def remove(path, *, dir_fd=None):
    """Removes the file `path`."""
    _no_fd("dir_fd", dir_fd)
    _posix.unlink(fspath(path))


unlink = remove


def removedirs(name):
    """Removes directory `name`, then each parent that became empty."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    """Renames `src` to `dst`."""
    _no_fd("src_dir_fd", src_dir_fd)
    _no_fd("dst_dir_fd", dst_dir_fd)
    _posix.rename(fspath(src), fspath(dst))


def _entries(top, onerror):
    # The names in `top`, or None after passing the error to `onerror`.
    try:
        return _posix.listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return None


def walk(top, topdown=True, onerror=None, followlinks=False):
    """For each directory under `top`: `(dirpath, dirnames, filenames)`, parents before
    children when `topdown` (then changes to `dirnames` prune the walk)."""
    top = fspath(top)
    names = _entries(top, onerror)
    if names is None:
        return
    dirs = []
    files = []
    for entry in names:
        if path.isdir(path.join(top, entry)):
            dirs.append(entry)
        else:
            files.append(entry)
    if topdown:
        yield top, dirs, files
        for d in dirs:
            new_path = path.join(top, d)
            if followlinks or not path.islink(new_path):
                for entry in walk(new_path, topdown, onerror, followlinks):
                    yield entry
    else:
        for d in dirs:
            new_path = path.join(top, d)
            if followlinks or not path.islink(new_path):
                for entry in walk(new_path, topdown, onerror, followlinks):
                    yield entry
        yield top, dirs, files


class _Environ(_MutableMapping):
    # The process environment as a mapping of strs; writes go to the process too.

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        if not isinstance(value, str):
            raise TypeError(f"str expected, not {type(value).__name__}")
        _posix.putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        _posix.unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        items = ", ".join([f"{k!r}: {v!r}" for k, v in self._data.items()])
        return f"environ({{{items}}})"

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]


environ = _Environ(dict(_posix._molt_environ()))


def getenv(key, default=None):
    """The environment variable `key`, or `default`."""
    return environ.get(key, default)


def putenv(key, value):
    """Sets `key` in the process environment (not in `os.environ`)."""
    _posix.putenv(key, value)


def unsetenv(key):
    """Removes `key` from the process environment (not from `os.environ`)."""
    _posix.unsetenv(key)


# CPython's versions of these are the `posix` module's builtins.
for _f in (fspath, chdir, listdir, mkdir, rmdir, remove, rename, putenv, unsetenv):
    _f.__module__ = "posix"
del _f
