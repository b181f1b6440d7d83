# molt's `json.decoder`: JSON text to Python values, written for molt (not CPython's code).
# It accepts what CPython's C scanner accepts and reports the same errors at the same
# positions: `JSONDecodeError("Expecting value", doc, pos)` and friends.

__all__ = ["JSONDecoder", "JSONDecodeError"]

NaN = float("nan")
PosInf = float("inf")
NegInf = float("-inf")

_WHITESPACE = " \t\n\r"
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_HEX = "0123456789abcdefABCDEF"
_CONSTANTS = {"-Infinity": NegInf, "Infinity": PosInf, "NaN": NaN}


class JSONDecodeError(ValueError):
    """A JSON document that cannot be decoded: `msg`, the document `doc`, the index `pos`
    of the error in it, and its 1-based `lineno` and `colno`."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


class _NoValue(Exception):
    # No JSON value starts at `pos` (the scanner's StopIteration).
    def __init__(self, pos):
        Exception.__init__(self, pos)
        self.pos = pos


def _skip(s, i, n):
    # The index of the first non-whitespace character at or after i.
    while i < n and s[i] in _WHITESPACE:
        i += 1
    return i


def _hex4(s, i):
    # The value of the 4 hex digits at s[i:i+4], or -1.
    v = 0
    for k in range(i, i + 4):
        d = _HEX.find(s[k])
        if d < 0:
            return -1
        if d > 15:
            d -= 6
        v = v * 16 + d
    return v


def scanstring(s, end, strict=True):
    """Decodes the JSON string whose opening quote is at `end - 1`; returns the string and
    the index after its closing quote."""
    n = len(s)
    begin = end - 1
    parts = []
    while True:
        i = end
        while i < n:
            c = s[i]
            if c == '"' or c == "\\":
                break
            if strict and c <= "\x1f":
                raise JSONDecodeError("Invalid control character at", s, i)
            i += 1
        if i >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        if i > end:
            parts.append(s[end:i])
        if s[i] == '"':
            return "".join(parts), i + 1
        # A backslash escape.
        i += 1
        if i >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        c = s[i]
        if c != "u":
            esc = _ESCAPES.get(c)
            if esc is None:
                raise JSONDecodeError("Invalid \\escape", s, i - 1)
            parts.append(esc)
            end = i + 1
            continue
        end = i + 5
        if end >= n:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, i)
        code = _hex4(s, i + 1)
        if code < 0:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, i)
        if 0xD800 <= code <= 0xDBFF and end + 6 < n and s[end] == "\\" and s[end + 1] == "u":
            low = _hex4(s, end + 2)
            if low < 0:
                raise JSONDecodeError("Invalid \\uXXXX escape", s, end + 1)
            if 0xDC00 <= low <= 0xDFFF:
                code = 0x10000 + (((code - 0xD800) << 10) | (low - 0xDC00))
                end += 6
        parts.append(chr(code))


def _number(s, i, n):
    # The end of the number at s[i:] and whether it is a float, or -1.
    start = i
    if s[i] == "-":
        i += 1
        if i >= n:
            return -1, False
    c = s[i]
    if "1" <= c <= "9":
        i += 1
        while i < n and "0" <= s[i] <= "9":
            i += 1
    elif c == "0":
        i += 1
    else:
        return -1, False
    is_float = False
    if i + 1 < n and s[i] == "." and "0" <= s[i + 1] <= "9":
        is_float = True
        i += 2
        while i < n and "0" <= s[i] <= "9":
            i += 1
    if i < n and (s[i] == "e" or s[i] == "E"):
        e_start = i
        i += 1
        if i < n and (s[i] == "+" or s[i] == "-"):
            i += 1
        while i < n and "0" <= s[i] <= "9":
            i += 1
        if "0" <= s[i - 1] <= "9":
            is_float = True
        else:
            i = e_start
    return i, is_float


_RECURSION = "maximum recursion depth exceeded"


def _deeper(err, kind):
    # CPython counts each nested array or object as one level of recursion and names it.
    if err.args and str(err.args[0]).startswith(_RECURSION) and "JSON" not in str(err.args[0]):
        return RecursionError(_RECURSION + " while decoding a JSON " + kind + " from a unicode string")
    return err


class _Scanner:
    # One Python frame per nested array or object, as CPython's C scanner takes one level
    # of the recursion limit for each.

    def __init__(self, decoder):
        self.strict = decoder.strict
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int
        self.parse_constant = decoder.parse_constant

    def value(self, s, i):
        # The value at s[i] and the index after it; `_NoValue(i)` when none starts there.
        n = len(s)
        if i >= n:
            raise _NoValue(i)
        c = s[i]
        if c == '"':
            return scanstring(s, i + 1, self.strict)
        if c == "{" or c == "[":
            try:
                return self.container(s, i + 1, c == "{")
            except RecursionError as err:
                raise _deeper(err, "object" if c == "{" else "array") from None
        if c == "n" and s[i : i + 4] == "null":
            return None, i + 4
        if c == "t" and s[i : i + 4] == "true":
            return True, i + 4
        if c == "f" and s[i : i + 5] == "false":
            return False, i + 5
        if c == "N" and s[i : i + 3] == "NaN":
            return self.parse_constant("NaN"), i + 3
        if c == "I" and s[i : i + 8] == "Infinity":
            return self.parse_constant("Infinity"), i + 8
        if c == "-" and s[i : i + 9] == "-Infinity":
            return self.parse_constant("-Infinity"), i + 9
        end, is_float = _number(s, i, n)
        if end < 0:
            raise _NoValue(i)
        text = s[i:end]
        if is_float:
            return self.parse_float(text), end
        return self.parse_int(text), end

    def container(self, s, i, is_object):
        # The array or object whose opening bracket is at s[i - 1]. Nested containers recurse
        # here directly; scalars go through `value`.
        n = len(s)
        items = []
        while i < n and s[i] in _WHITESPACE:
            i += 1
        close = "}" if is_object else "]"
        if i >= n or s[i] != close:
            while True:
                if is_object:
                    if i >= n or s[i] != '"':
                        raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
                    key, i = scanstring(s, i + 1, self.strict)
                    while i < n and s[i] in _WHITESPACE:
                        i += 1
                    if i >= n or s[i] != ":":
                        raise JSONDecodeError("Expecting ':' delimiter", s, i)
                    i += 1
                    while i < n and s[i] in _WHITESPACE:
                        i += 1
                if i < n and (s[i] == "[" or s[i] == "{"):
                    nested = s[i] == "{"
                    try:
                        value, i = self.container(s, i + 1, nested)
                    except RecursionError as err:
                        raise _deeper(err, "object" if nested else "array") from None
                else:
                    value, i = self.value(s, i)
                items.append((key, value) if is_object else value)
                while i < n and s[i] in _WHITESPACE:
                    i += 1
                if i < n and s[i] == close:
                    break
                if i >= n or s[i] != ",":
                    raise JSONDecodeError("Expecting ',' delimiter", s, i)
                i += 1
                while i < n and s[i] in _WHITESPACE:
                    i += 1
        if not is_object:
            return items, i + 1
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(items), i + 1
        obj = dict(items)
        if self.object_hook is not None:
            return self.object_hook(obj), i + 1
        return obj, i + 1


class JSONDecoder:
    """Decodes JSON documents: objects to dicts (or what `object_hook` /
    `object_pairs_hook` make of them), arrays to lists, strings, numbers (`parse_int`,
    `parse_float`), `true`/`false`/`null`, and `NaN`/`Infinity`/`-Infinity`
    (`parse_constant`)."""

    def __init__(
        self,
        *,
        object_hook=None,
        parse_float=None,
        parse_int=None,
        parse_constant=None,
        strict=True,
        object_pairs_hook=None,
    ):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        """The value of the JSON document `s` (a str); `JSONDecodeError` when it is not
        one JSON value surrounded by whitespace."""
        n = len(s)
        obj, end = self.raw_decode(s, _skip(s, 0, n))
        end = _skip(s, end, n)
        if end != n:
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decodes the JSON value starting at `s[idx]`; returns it and the index after it."""
        scanner = _Scanner(self)
        try:
            if idx < len(s) and (s[idx] == "[" or s[idx] == "{"):
                nested = s[idx] == "{"
                try:
                    return scanner.container(s, idx + 1, nested)
                except RecursionError as err:
                    raise _deeper(err, "object" if nested else "array") from None
            return scanner.value(s, idx)
        except _NoValue as err:
            raise JSONDecodeError("Expecting value", s, err.pos) from None
