# molt's `os.path` (CPython's `posixpath`): path names as strings, and the queries about
# files that need the system (`exists`, `isdir`, `getsize`...). Written for molt, not
# CPython's code; the results and errors are CPython's on POSIX systems.

import posix as _posix

# CPython's `os.path` is its `posixpath` module: the name it reports, and its functions'
# `__module__`.
__name__ = "posixpath"

__all__ = [
    "abspath", "basename", "commonpath", "commonprefix", "dirname", "exists", "expanduser",
    "expandvars", "getatime", "getctime", "getmtime", "getsize", "isabs", "isdir", "isfile",
    "islink", "join", "lexists", "normcase", "normpath", "relpath", "split", "splitdrive",
    "splitext", "curdir", "pardir", "sep", "pathsep", "defpath", "altsep", "extsep", "devnull",
]

curdir = "."
pardir = ".."
extsep = "."
sep = "/"
pathsep = ":"
defpath = "/bin:/usr/bin"
altsep = None
devnull = "/dev/null"
supports_unicode_filenames = False


def _fspath(path):
    if isinstance(path, str):
        return path
    if isinstance(path, (bytes, bytearray)):
        raise NotImplementedError("molt: bytes paths are not supported yet")
    fspath = getattr(type(path), "__fspath__", None)
    if fspath is None:
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(path).__name__}")
    result = fspath(path)
    if not isinstance(result, str):
        raise TypeError(
            f"expected {type(path).__name__}.__fspath__() to return str or bytes, not {type(result).__name__}"
        )
    return result


def _str_args(function, args):
    for arg in args:
        if isinstance(arg, (bytes, bytearray)):
            raise NotImplementedError("molt: bytes paths are not supported yet")
        if not isinstance(arg, str):
            raise TypeError(
                f"{function}() argument must be str, bytes, or os.PathLike object, not {arg.__class__.__name__!r}"
            ) from None


def normcase(s):
    """`s` unchanged (POSIX file names are case-sensitive)."""
    return _fspath(s)


def isabs(s):
    """Whether `s` starts at the root."""
    return _fspath(s).startswith("/")


def join(a, *p):
    """The parts joined with `/`; a part that starts with `/` starts the path again."""
    a = _fspath(a)
    path = a
    try:
        for b in p:
            b = _fspath(b)
            if b.startswith("/"):
                path = b
            elif not path or path.endswith("/"):
                path += b
            else:
                path += "/" + b
    except TypeError:
        _str_args("join", (a,) + p)
        raise
    return path


def split(p):
    """`(head, tail)`: tail is the last component, head the rest without trailing slashes
    (unless it is only slashes)."""
    p = _fspath(p)
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def splitext(p):
    """`(root, ext)` where ext is the last dot and what follows, unless the last component
    has only leading dots before it (`.bashrc` has no extension)."""
    p = _fspath(p)
    slash = p.rfind("/")
    dot = p.rfind(".")
    if dot > slash:
        i = slash + 1
        while i < dot:
            if p[i] != ".":
                return p[:dot], p[dot:]
            i += 1
    return p, ""


def splitdrive(p):
    """`('', p)`: POSIX paths have no drive."""
    p = _fspath(p)
    return p[:0], p


def basename(p):
    """The last component of `p` (empty after a trailing slash)."""
    p = _fspath(p)
    return p[p.rfind("/") + 1 :]


def dirname(p):
    """Everything before the last component, without trailing slashes."""
    p = _fspath(p)
    i = p.rfind("/") + 1
    head = p[:i]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head


def normpath(path):
    """`path` without empty and `.` components and with `x/..` folded; two leading slashes
    are kept (POSIX leaves their meaning to the system), three or more become one."""
    path = _fspath(path)
    if path == "":
        return "."
    slashes = 0
    if path.startswith("/"):
        slashes = 2 if path.startswith("//") and not path.startswith("///") else 1
    parts = []
    for part in path.split("/"):
        if part == "" or part == ".":
            continue
        if part != ".." or (slashes == 0 and not parts) or (parts and parts[-1] == ".."):
            parts.append(part)
        elif parts:
            parts.pop()
    result = "/" * slashes + "/".join(parts)
    return result or "."


def abspath(path):
    """`path` made absolute from the working directory, normalized."""
    path = _fspath(path)
    if not path.startswith("/"):
        path = join(_posix.getcwd(), path)
    return normpath(path)


def commonprefix(m):
    """The longest common leading string (not path) of the items of `m`."""
    if not m:
        return ""
    if not isinstance(m[0], (list, tuple)):
        m = tuple([_fspath(x) for x in m])
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    """The longest common sub-path of `paths` (all absolute or all relative)."""
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    paths = tuple([_fspath(p) for p in paths])
    absolute = set([p[:1] == "/" for p in paths])
    if len(absolute) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    lists = [[c for c in p.split("/") if c and c != "."] for p in paths]
    s1 = min(lists)
    s2 = max(lists)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    return ("/" if paths[0][:1] == "/" else "") + "/".join(common)


def relpath(path, start=None):
    """`path` relative to `start` (default: the working directory)."""
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    start = curdir if start is None else _fspath(start)
    start_parts = [x for x in abspath(start).split("/") if x]
    path_parts = [x for x in abspath(path).split("/") if x]
    i = len(commonprefix([start_parts, path_parts]))
    parts = [pardir] * (len(start_parts) - i) + path_parts[i:]
    if not parts:
        return curdir
    return join(*parts)


def expanduser(path):
    """`path` with a leading `~` replaced by `$HOME`."""
    path = _fspath(path)
    if not path.startswith("~"):
        return path
    i = path.find("/", 1)
    if i < 0:
        i = len(path)
    home = None
    if i == 1:
        for key, value in _posix._molt_environ():
            if key == "HOME":
                home = value
    if home is None:
        raise NotImplementedError(
            "molt: os.path.expanduser() of '~user' or without $HOME (the password database) is not supported yet"
        )
    home = home.rstrip("/")
    return (home + path[i:]) or "/"


def _name_char(c):
    return c == "_" or ("a" <= c <= "z") or ("A" <= c <= "Z") or ("0" <= c <= "9")


def expandvars(path):
    """`path` with `$name` and `${name}` replaced by environment variables that exist
    (names of ASCII letters, digits and `_`); others are left as they are."""
    path = _fspath(path)
    if "$" not in path:
        return path
    env = dict(_posix._molt_environ())
    out = []
    i = 0
    n = len(path)
    while i < n:
        j = path.find("$", i)
        if j < 0:
            break
        k = j + 1
        if k < n and path[k] == "{":
            end = path.find("}", k + 1)
            if end < 0:
                out.append(path[i : j + 1])
                i = j + 1
                continue
            name = path[k + 1 : end]
            end += 1
        else:
            end = k
            while end < n and _name_char(path[end]):
                end += 1
            if end == k:
                out.append(path[i : j + 1])
                i = j + 1
                continue
            name = path[k:end]
        if name in env:
            out.append(path[i:j])
            out.append(env[name])
        else:
            out.append(path[i:end])
        i = end
    out.append(path[i:])
    return "".join(out)


def _path_arg(path):
    if isinstance(path, int) and not isinstance(path, bool):
        raise NotImplementedError("molt: file descriptors as paths are not supported yet")
    return _fspath(path)


def _kind(path, follow):
    # 1 directory, 2 regular file, 3 symbolic link, 0 other; -1 when `stat` fails.
    try:
        return _posix._molt_stat(_path_arg(path), follow)[0]
    except (OSError, ValueError):
        return -1


def exists(path):
    """Whether `path` names an existing file (following symbolic links)."""
    return _kind(path, True) >= 0


def lexists(path):
    """Whether `path` names an existing file or a symbolic link, even a broken one."""
    return _kind(path, False) >= 0


def isdir(s):
    """Whether `s` names a directory (following symbolic links)."""
    return _kind(s, True) == 1


def isfile(path):
    """Whether `path` names a regular file (following symbolic links)."""
    return _kind(path, True) == 2


def islink(path):
    """Whether `path` names a symbolic link."""
    return _kind(path, False) == 3


def getsize(filename):
    """The size of the file in bytes; `OSError` when it does not exist."""
    return _posix._molt_stat(_path_arg(filename), True)[1]


def getmtime(filename):
    """The last modification time, in seconds since the epoch (a float)."""
    return _posix._molt_stat(_path_arg(filename), True)[2]


def getatime(filename):
    """The last access time, in seconds since the epoch (a float)."""
    return _posix._molt_stat(_path_arg(filename), True)[3]


def getctime(filename):
    """The last change of the file's metadata, in seconds since the epoch (a float)."""
    return _posix._molt_stat(_path_arg(filename), True)[4]
