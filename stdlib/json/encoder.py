# molt's `json.encoder`: Python values to JSON text, written for molt (not CPython's code).
# The text, the separators, the escapes and the errors are CPython's.

__all__ = ["JSONEncoder"]

INFINITY = float("inf")

_RECURSION = "maximum recursion depth exceeded"

_SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _u(code):
    return "\\u" + "0123456789abcdef"[(code >> 12) & 15] + "0123456789abcdef"[(code >> 8) & 15] + "0123456789abcdef"[(code >> 4) & 15] + "0123456789abcdef"[code & 15]


def py_encode_basestring(s):
    """`s` as a JSON string literal: quotes, backslashes and control characters escaped,
    everything else as it is."""
    out = ['"']
    start = 0
    for i, c in enumerate(s):
        if c == '"' or c == "\\" or c < " ":
            if i > start:
                out.append(s[start:i])
            esc = _SHORT_ESCAPES.get(c)
            out.append(esc if esc is not None else _u(ord(c)))
            start = i + 1
    if start < len(s):
        out.append(s[start:])
    out.append('"')
    return "".join(out)


def py_encode_basestring_ascii(s):
    """`s` as an ASCII-only JSON string literal: also every character past `~` as a
    `\\uXXXX` escape (a surrogate pair above U+FFFF)."""
    out = ['"']
    start = 0
    for i, c in enumerate(s):
        if c == '"' or c == "\\" or c < " " or c > "~":
            if i > start:
                out.append(s[start:i])
            esc = _SHORT_ESCAPES.get(c)
            if esc is not None:
                out.append(esc)
            else:
                code = ord(c)
                if code >= 0x10000:
                    code -= 0x10000
                    out.append(_u(0xD800 | (code >> 10)))
                    out.append(_u(0xDC00 | (code & 0x3FF)))
                else:
                    out.append(_u(code))
            start = i + 1
    if start < len(s):
        out.append(s[start:])
    out.append('"')
    return "".join(out)


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder:
    """Encodes dicts, lists, tuples, strs, ints, floats, bools and None as JSON; anything
    else goes through `default`, which raises `TypeError` unless overridden or given."""

    item_separator = ", "
    key_separator = ": "

    def __init__(
        self,
        *,
        skipkeys=False,
        ensure_ascii=True,
        check_circular=True,
        allow_nan=True,
        sort_keys=False,
        indent=None,
        separators=None,
        default=None,
    ):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        """Called for an object of no JSON type: return something encodable, or raise."""
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        """The JSON text of `o` (a str)."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return "".join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        """The JSON text of `o` in pieces (an iterator of strs)."""
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        out = []
        _Writer(self, indent, out).value(o, 0)
        return iter(out)


class _Writer:
    def __init__(self, encoder, indent, out):
        self.encoder = encoder
        self.indent = indent
        self.out = out
        self.markers = {} if encoder.check_circular else None
        self.string = encode_basestring_ascii if encoder.ensure_ascii else encode_basestring
        self.item_separator = encoder.item_separator
        self.key_separator = encoder.key_separator

    def float_text(self, o):
        if o != o:
            text = "NaN"
        elif o == INFINITY:
            text = "Infinity"
        elif o == -INFINITY:
            text = "-Infinity"
        else:
            return float.__repr__(o)
        if not self.encoder.allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return text

    def enter(self, o):
        if self.markers is None:
            return
        marker = id(o)
        if marker in self.markers:
            raise ValueError("Circular reference detected")
        self.markers[marker] = o

    def leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def value(self, o, level):
        # Appends the text of `o`. One Python frame per nested list, dict or `default`
        # result, as CPython's encoder takes one level of the recursion limit for each.
        out = self.out
        if isinstance(o, str):
            out.append(self.string(o))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(self.float_text(o))
        elif isinstance(o, (list, tuple, dict)):
            is_dict = isinstance(o, dict)
            if not o:
                out.append("{}" if is_dict else "[]")
                return
            self.enter(o)
            out.append("{" if is_dict else "[")
            separator = self.item_separator
            if self.indent is not None:
                level += 1
                newline = "\n" + self.indent * level
                separator = separator + newline
                out.append(newline)
            if not is_dict:
                items = o
            elif self.encoder.sort_keys:
                items = sorted(o.items())
            else:
                items = o.items()
            first = True
            for item in items:
                if is_dict:
                    key, item = item
                    if isinstance(key, str):
                        pass
                    elif isinstance(key, float):
                        key = self.float_text(key)
                    elif key is True:
                        key = "true"
                    elif key is False:
                        key = "false"
                    elif key is None:
                        key = "null"
                    elif isinstance(key, int):
                        key = int.__repr__(key)
                    elif self.encoder.skipkeys:
                        continue
                    else:
                        raise TypeError(
                            f"keys must be str, int, float, bool or None, not {key.__class__.__name__}"
                        )
                if not first:
                    out.append(separator)
                first = False
                if is_dict:
                    out.append(self.string(key))
                    out.append(self.key_separator)
                if isinstance(item, str):
                    out.append(self.string(item))
                elif item is None:
                    out.append("null")
                elif item is True:
                    out.append("true")
                elif item is False:
                    out.append("false")
                elif isinstance(item, int):
                    out.append(int.__repr__(item))
                elif isinstance(item, float):
                    out.append(self.float_text(item))
                else:
                    try:
                        self.value(item, level)
                    except RecursionError as err:
                        if self.indent is None and _plain_recursion(err):
                            raise RecursionError(_RECURSION + " while encoding a JSON object") from None
                        raise
            if self.indent is not None:
                out.append("\n" + self.indent * (level - 1))
            out.append("}" if is_dict else "]")
            self.leave(o)
        else:
            self.enter(o)
            self.member(self.encoder.default(o), level)
            self.leave(o)

    def member(self, o, level):
        # A member (or `default`'s result): a scalar is appended here, a container goes
        # through `value` (written out below so that each nesting level costs one frame).
        out = self.out
        if isinstance(o, str):
            out.append(self.string(o))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(self.float_text(o))
        else:
            try:
                self.value(o, level)
            except RecursionError as err:
                if self.indent is None and _plain_recursion(err):
                    raise RecursionError(_RECURSION + " while encoding a JSON object") from None
                raise


def _plain_recursion(err):
    # A RecursionError not yet named after what JSON was doing.
    return bool(err.args) and str(err.args[0]).startswith(_RECURSION) and "JSON" not in str(err.args[0])
