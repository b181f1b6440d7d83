"""Regular expressions for str patterns, as CPython 3.11's `re` module.

The patterns are parsed and run by the runtime's private module `_molt_re`, which
translates Python's pattern syntax (with CPython's error messages and positions) for
the `fancy-regex` engine and reports matches as code point spans. This module builds
the Python objects on top: `Pattern`, `Match`, the replacement templates of `sub` and
`expand`, `split`, `findall`, the flags and `error`.
"""

import _molt_re
import _molt_struct

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
    "compile", "purge", "template", "escape", "error", "Pattern", "Match", "A", "I",
    "L", "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL",
    "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"

_MAXSIZE = 9223372036854775807

# `Pattern[str]`, `Match[str]`: a `types.GenericAlias`, as in CPython.
_GenericAlias = type(list[int])

# The flags in the order CPython's RegexFlag lists them (its repr order).
_FLAG_ORDER = (
    ("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32),
    ("MULTILINE", 8), ("DOTALL", 16), ("VERBOSE", 64), ("TEMPLATE", 1), ("DEBUG", 128),
)
# The flags in the order a Pattern's repr lists them.
_PATTERN_FLAG_ORDER = (
    ("TEMPLATE", 1), ("IGNORECASE", 2), ("LOCALE", 4), ("MULTILINE", 8),
    ("DOTALL", 16), ("UNICODE", 32), ("VERBOSE", 64), ("DEBUG", 128), ("ASCII", 256),
)
_ALL_FLAGS = 511
_flag_members = {}


def _int_value(x):
    if isinstance(x, RegexFlag):
        return x._value_
    if isinstance(x, int) and not isinstance(x, bool):
        return x
    if isinstance(x, bool):
        return int(x)
    return None


class RegexFlag:
    """The flags of `re` (`re.IGNORECASE`, ...) and their combinations.

    Behaves as CPython's `RegexFlag` (an `IntFlag`) in `repr`, `|`, `&`, `^`, `~`,
    comparisons and hashing with ints and arithmetic; it is not an `int` subclass in molt.
    """

    def __new__(cls, value=0):
        v = _int_value(value)
        if v is None:
            raise ValueError("%r is not a valid RegexFlag" % (value,))
        member = _flag_members.get(v)
        if member is None:
            member = object.__new__(cls)
            member._value_ = v
            _flag_members[v] = member
        return member

    @property
    def value(self):
        return self._value_

    @property
    def name(self):
        v = self._value_
        if v == 0:
            return "NOFLAG"
        names = [n for n, b in _FLAG_ORDER if v & b]
        if v & ~_ALL_FLAGS or not names:
            return None
        return "|".join(names)

    def __repr__(self):
        v = self._value_
        if v == 0:
            return "re.NOFLAG"
        parts = ["re." + n for n, b in _FLAG_ORDER if v & b]
        rest = v & ~_ALL_FLAGS
        if rest:
            parts.append(hex(rest))
        return "|".join(parts)

    __str__ = __repr__

    def __format__(self, spec):
        if spec:
            return format(self._value_, spec)
        return repr(self)

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __bool__(self):
        return self._value_ != 0

    def __hash__(self):
        return hash(self._value_)

    def __eq__(self, other):
        o = _int_value(other)
        if o is None:
            return NotImplemented
        return self._value_ == o

    def __ne__(self, other):
        o = _int_value(other)
        if o is None:
            return NotImplemented
        return self._value_ != o

    def __lt__(self, other):
        return self._value_ < int(other)

    def __le__(self, other):
        return self._value_ <= int(other)

    def __gt__(self, other):
        return self._value_ > int(other)

    def __ge__(self, other):
        return self._value_ >= int(other)

    def __contains__(self, other):
        if not isinstance(other, RegexFlag):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and 'RegexFlag'"
                % type(other).__name__
            )
        return other._value_ & self._value_ == other._value_

    def __or__(self, other):
        o = _int_value(other)
        if o is None:
            return NotImplemented
        return RegexFlag(self._value_ | o)

    __ror__ = __or__

    def __and__(self, other):
        o = _int_value(other)
        if o is None:
            return NotImplemented
        return RegexFlag(self._value_ & o)

    __rand__ = __and__

    def __xor__(self, other):
        o = _int_value(other)
        if o is None:
            return NotImplemented
        return RegexFlag(self._value_ ^ o)

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(_ALL_FLAGS & ~self._value_)

    def __add__(self, other):
        return self._value_ + other

    def __radd__(self, other):
        return other + self._value_

    def __sub__(self, other):
        return self._value_ - other

    def __rsub__(self, other):
        return other - self._value_

    def __mul__(self, other):
        return self._value_ * other

    def __rmul__(self, other):
        return other * self._value_

    def __neg__(self):
        return -self._value_

    def __pos__(self):
        return self._value_

    def __abs__(self):
        return self._value_

    def __lshift__(self, other):
        return self._value_ << other

    def __rshift__(self, other):
        return self._value_ >> other

    def __floordiv__(self, other):
        return self._value_ // other

    def __mod__(self, other):
        return self._value_ % other

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (RegexFlag, (self._value_,))


ASCII = A = RegexFlag(256)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
UNICODE = U = RegexFlag(32)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
VERBOSE = X = RegexFlag(64)
TEMPLATE = T = RegexFlag(1)
DEBUG = RegexFlag(128)
NOFLAG = RegexFlag(0)
for _name, _value in _FLAG_ORDER:
    setattr(RegexFlag, _name, RegexFlag(_value))
RegexFlag.NOFLAG = NOFLAG
del _name, _value


class error(Exception):
    """A pattern or replacement template that does not compile: `msg`, `pattern`,
    `pos` (code points) and, with a position, `lineno` and `colno`."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            self.lineno = pattern.count("\n", 0, pos) + 1
            self.colno = pos - pattern.rfind("\n", 0, pos)
            if "\n" in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = None
            self.colno = None
        Exception.__init__(self, msg)



def _check_string(string):
    if _molt_struct.is_buffer(string):
        # Patterns are str in molt (bytes patterns are refused when compiled).
        raise TypeError("cannot use a string pattern on a bytes-like object")
    if not isinstance(string, str):
        raise TypeError(
            "expected string or bytes-like object, got '%s'" % type(string).__name__
        )


def _clamp(pos, endpos, n):
    pos = pos.__index__() if not isinstance(pos, int) else pos
    endpos = endpos.__index__() if not isinstance(endpos, int) else endpos
    if pos < 0:
        pos = 0
    elif pos > n:
        pos = n
    if endpos < 0:
        endpos = 0
    elif endpos > n:
        endpos = n
    return pos, endpos


class Pattern:
    """A compiled regular expression (`re.compile`)."""

    __class_getitem__ = classmethod(_GenericAlias)

    def __init__(self, pattern, flags):
        info = _molt_re.compile(pattern, flags)
        if len(info) == 2:
            if info[1] is None:
                raise error(info[0])
            raise error(info[0], pattern, info[1])
        self._id = info[0]
        self.pattern = pattern
        self.groups = info[1]
        self.flags = info[3]
        index = {}
        for name, g in info[2]:
            index[name] = g
        self._index = index
        self._names = {}
        for name, g in info[2]:
            self._names[g] = name
        self._parents = info[4]

    @property
    def groupindex(self):
        return _molt_re.mappingproxy(dict(self._index))

    def __repr__(self):
        text = repr(self.pattern)[:200]
        flags = self.flags
        if flags & (4 | 32 | 256) == 32:
            flags &= ~32
        if not flags:
            return "re.compile(%s)" % text
        parts = ["re." + n for n, b in _PATTERN_FLAG_ORDER if flags & b]
        rest = flags & ~_ALL_FLAGS
        if rest:
            parts.append(hex(rest))
        return "re.compile(%s, %s)" % (text, "|".join(parts))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __ne__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return not (self.pattern == other.pattern and self.flags == other.flags)

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _run(self, string, pos, endpos, mode):
        _check_string(string)
        pos, endpos = _clamp(pos, endpos, len(string))
        if pos > endpos:
            return None
        spans = _molt_re.search(self._id, string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        """The match at `pos` (not searching), or None."""
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        """The match of all of `string[pos:endpos]`, or None."""
        return self._run(string, pos, endpos, 2)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        """The first match at or after `pos`, or None."""
        return self._run(string, pos, endpos, 0)

    def _scan(self, string, pos, endpos, count):
        _check_string(string)
        pos, endpos = _clamp(pos, endpos, len(string))
        if pos > endpos:
            return pos, endpos, []
        return pos, endpos, _molt_re.scan(self._id, string, pos, endpos, count)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        """The texts of all matches (of the group, or tuples of the groups, if any)."""
        pos, endpos, found = self._scan(string, pos, endpos, 0)
        out = []
        groups = self.groups
        for spans in found:
            if groups == 0:
                out.append(string[spans[0]:spans[1]])
            elif groups == 1:
                s = spans[2]
                out.append(string[s:spans[3]] if s >= 0 else "")
            else:
                items = []
                for g in range(1, groups + 1):
                    s = spans[2 * g]
                    items.append(string[s:spans[2 * g + 1]] if s >= 0 else "")
                out.append(tuple(items))
        return out

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        """An iterator of the Match objects of all matches."""
        pos, endpos, found = self._scan(string, pos, endpos, 0)
        return _match_iter(self, string, pos, endpos, found)

    def split(self, string, maxsplit=0):
        """`string` split at the matches, with the groups' texts between the pieces."""
        if maxsplit < 0:
            _check_string(string)
            return [string]
        pos, endpos, found = self._scan(string, 0, _MAXSIZE, maxsplit)
        out = []
        last = 0
        for spans in found:
            out.append(string[last:spans[0]])
            for g in range(1, self.groups + 1):
                s = spans[2 * g]
                out.append(string[s:spans[2 * g + 1]] if s >= 0 else None)
            last = spans[1]
        out.append(string[last:])
        return out

    def _subx(self, repl, string, count):
        if callable(repl):
            template = None
        else:
            if _molt_struct.is_buffer(repl):
                raise NotImplementedError("molt: bytes replacements are not supported yet")
            if not isinstance(repl, str):
                raise TypeError(
                    "decoding to str: need a bytes-like object, %s found"
                    % type(repl).__name__
                )
            template = _parse_template(repl, self)
        _check_string(string)
        if count < 0:
            return string, 0
        pos, endpos, found = self._scan(string, 0, _MAXSIZE, count)
        # Built as CPython builds it (empty pieces left out, None from a function
        # skipped), so a function returning a non-str gets its "sequence item N" error.
        pieces = []
        last = 0
        for spans in found:
            if last < spans[0]:
                pieces.append(string[last:spans[0]])
            if template is None:
                text = repl(Match(self, string, pos, endpos, spans))
            elif template.__class__ is str:
                text = template
            else:
                text = _expand(template, string, spans)
            if text is not None:
                pieces.append(text)
            last = spans[1]
        if last < len(string):
            pieces.append(string[last:])
        return "".join(pieces), len(found)

    def sub(self, repl, string, count=0):
        """`string` with the matches replaced by `repl` (a template or a function)."""
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        """`(new string, number of replacements)`."""
        return self._subx(repl, string, count)


def _match_iter(pattern, string, pos, endpos, found):
    for spans in found:
        yield Match(pattern, string, pos, endpos, spans)


class Match:
    """A match of a Pattern: its groups' texts and spans."""

    __class_getitem__ = classmethod(_GenericAlias)

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans

    def _group_index(self, g):
        if isinstance(g, str):
            index = self.re._index.get(g)
            if index is not None:
                return index
            raise IndexError("no such group")
        try:
            i = g.__index__()
        except (AttributeError, TypeError):
            raise IndexError("no such group") from None
        if 0 <= i <= self.re.groups:
            return i
        raise IndexError("no such group")

    def _text(self, i, default=None):
        s = self._spans[2 * i]
        if s < 0:
            return default
        return self.string[s:self._spans[2 * i + 1]]

    def group(self, *args):
        """The text of one group (the match for none or 0), or a tuple of several."""
        if not args:
            return self._text(0)
        if len(args) == 1:
            return self._text(self._group_index(args[0]))
        return tuple([self._text(self._group_index(a)) for a in args])

    def __getitem__(self, g):
        return self._text(self._group_index(g))

    def groups(self, default=None):
        """The texts of all groups (`default` for those that did not take part)."""
        return tuple([self._text(i, default) for i in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        """The texts of the named groups by name."""
        out = {}
        for name, i in self.re._index.items():
            out[name] = self._text(i, default)
        return out

    def start(self, group=0):
        """Where the group's match starts (-1 if it did not take part)."""
        return self._spans[2 * self._group_index(group)]

    def end(self, group=0):
        """Where the group's match ends (-1 if it did not take part)."""
        return self._spans[2 * self._group_index(group) + 1]

    def span(self, group=0):
        """`(start, end)` of the group."""
        i = self._group_index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        return tuple(
            [(self._spans[2 * i], self._spans[2 * i + 1]) for i in range(self.re.groups + 1)]
        )

    @property
    def lastindex(self):
        best = None
        best_end = -1
        spans = self._spans
        parents = self.re._parents
        for i in range(1, self.re.groups + 1):
            e = spans[2 * i + 1]
            if spans[2 * i] < 0:
                continue
            if e > best_end:
                best, best_end = i, e
            elif e == best_end and best is not None:
                # Equal ends: an enclosing group closes after the groups inside it;
                # otherwise the later group closes last.
                p = parents[i]
                inside = False
                while p:
                    if p == best:
                        inside = True
                        break
                    p = parents[p]
                if not inside:
                    best = i
        return best

    @property
    def lastgroup(self):
        i = self.lastindex
        if i is None:
            return None
        return self.re._names.get(i)

    def expand(self, template):
        """`template` with its group references replaced (as `sub` does)."""
        t = _parse_template(template, self.re)
        if t.__class__ is str:
            return t
        return _expand(t, self.string, self._spans)

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%s>" % (
            self._spans[0],
            self._spans[1],
            repr(self._text(0))[:50],
        )

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
            "v": "\v", "\\": "\\"}
_OCT = "01234567"
_DEC = "0123456789"
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _parse_template(text, pattern):
    """A replacement template: the str itself when it has no backslash, else a list of
    literal strs and group numbers (ints)."""
    if "\\" not in text:
        return text
    n = len(text)
    if _trailing_backslash(text):
        raise error("bad escape (end of pattern)", text, n - 1)
    out = []
    literal = []
    i = 0
    while i < n:
        c = text[i]
        if c != "\\":
            literal.append(c)
            i += 1
            continue
        start = i
        c = text[i + 1]
        i += 2
        if c == "g":
            if i >= n or text[i] != "<":
                raise error("missing <", text, i)
            i += 1
            close = text.find(">", i)
            if close < 0:
                if i >= n:
                    raise error("missing group name", text, i)
                raise error("missing >, unterminated name", text, i)
            name = text[i:close]
            if not name:
                raise error("missing group name", text, i)
            if name.isidentifier():
                index = pattern._index.get(name)
                if index is None:
                    raise IndexError("unknown group name %r" % name)
            else:
                if name.isdecimal() and name.isascii():
                    index = int(name)
                else:
                    raise error("bad character in group name %r" % name, text, i)
                if index > pattern.groups:
                    raise error("invalid group reference %d" % index, text, i)
            i = close + 1
            if literal:
                out.append("".join(literal))
                literal = []
            out.append(index)
        elif c == "0":
            digits = c
            while i < n and len(digits) < 3 and text[i] in _OCT:
                digits += text[i]
                i += 1
            literal.append(chr(int(digits, 8) & 0xFF))
        elif c in _DEC:
            digits = c
            if i < n and text[i] in _DEC:
                digits += text[i]
                i += 1
                if c in _OCT and digits[1] in _OCT and i < n and text[i] in _OCT:
                    digits += text[i]
                    i += 1
                    v = int(digits, 8)
                    if v > 0o377:
                        raise error(
                            "octal escape value \\%s outside of range 0-0o377" % digits,
                            text,
                            start,
                        )
                    literal.append(chr(v))
                    continue
            index = int(digits)
            if index > pattern.groups:
                raise error("invalid group reference %d" % index, text, start + 1)
            if literal:
                out.append("".join(literal))
                literal = []
            out.append(index)
        elif c in _ESCAPES:
            literal.append(_ESCAPES[c])
        elif c in _LETTERS:
            raise error("bad escape \\" + c, text, start)
        else:
            literal.append("\\" + c)
    if literal:
        out.append("".join(literal))
    return out


def _trailing_backslash(text):
    # Whether the final backslash starts an escape of its own (not the second half of "\\\\").
    k = 0
    j = len(text) - 1
    while j >= 0 and text[j] == "\\":
        k += 1
        j -= 1
    return k % 2 == 1


def _expand(template, string, spans):
    parts = []
    for item in template:
        if item.__class__ is int:
            s = spans[2 * item]
            if s >= 0:
                parts.append(string[s:spans[2 * item + 1]])
        else:
            parts.append(item)
    return "".join(parts)


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags._value_
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if isinstance(pattern, (bytes, bytearray)):
        raise NotImplementedError("molt: bytes patterns are not supported yet")
    if _molt_struct.is_buffer(pattern):
        # CPython looks the pattern up in its cache first: an array is unhashable.
        hash(pattern)
    if not isinstance(pattern, str):
        raise TypeError("first argument must be string or compiled pattern")
    key = (pattern, flags)
    p = _cache.get(key)
    if p is None:
        if flags & 128:
            raise NotImplementedError("molt: re.DEBUG is not supported yet")
        if flags & 1:
            raise NotImplementedError("molt: re.TEMPLATE is not supported yet")
        p = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            del _cache[next(iter(_cache))]
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    """The Pattern of `pattern` with `flags`."""
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """The match of `pattern` at the start of `string`, or None."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """The match of `pattern` with all of `string`, or None."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """The first match of `pattern` in `string`, or None."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """`string` with the matches of `pattern` replaced by `repl`."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """`(new string, number of replacements)`."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """`string` split at the matches of `pattern`."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """The texts of all matches of `pattern` in `string`."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator of the Match objects of all matches."""
    return _compile(pattern, flags).finditer(string)


def purge():
    """Clears the cache of compiled patterns."""
    _cache.clear()


_SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"


def escape(pattern):
    """`pattern` with the characters special in patterns escaped by a backslash."""
    if _molt_struct.is_buffer(pattern):
        raise NotImplementedError("molt: re.escape of bytes is not supported")
    if not isinstance(pattern, str):
        # CPython decodes any other pattern as Latin-1 bytes.
        raise TypeError(
            "decoding to str: need a bytes-like object, %s found" % type(pattern).__name__
        )
    out = []
    for c in pattern:
        if c in _SPECIAL:
            out.append("\\")
        out.append(c)
    return "".join(out)
