# molt's `string`: the character-class constants, `capwords`, `Formatter` and `Template`,
# written for molt.

import re as _re
from collections import ChainMap as _ChainMap

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
printable = digits + ascii_letters + punctuation + whitespace

__all__ = [
    "ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits",
    "hexdigits", "octdigits", "printable", "punctuation", "whitespace", "Formatter",
    "Template",
]


def capwords(s, sep=None):
    return (sep or " ").join(word.capitalize() for word in s.split(sep))


_NO_MAPPING = {}


class Template:
    """`$name` / `${name}` substitution; `$$` stands for one `$`. Subclasses change
    `delimiter`, `idpattern`, `braceidpattern` or `flags` (the pattern is rebuilt for each
    subclass that does not set `pattern` itself)."""

    delimiter = "$"
    idpattern = r"(?a:[_a-z][_a-z0-9]*)"
    braceidpattern = None
    flags = _re.IGNORECASE

    def __init_subclass__(cls):
        super().__init_subclass__()
        if "pattern" in cls.__dict__:
            source = cls.pattern
        else:
            d = _re.escape(cls.delimiter)
            ident = cls.idpattern
            braced = cls.braceidpattern or ident
            source = (
                d + "(?:(?P<escaped>" + d + ")|(?P<named>" + ident + ")|{(?P<braced>"
                + braced + ")}|(?P<invalid>))"
            )
        cls.pattern = _re.compile(source, cls.flags | _re.VERBOSE)

    def __init__(self, template):
        self.template = template

    def _where(self, m):
        at = m.start("invalid")
        before = self.template[:at].splitlines(keepends=True)
        if not before:
            line, col = 1, 1
        else:
            line = len(before)
            col = at - sum(len(x) for x in before[:-1])
        raise ValueError("Invalid placeholder in string: line %d, col %d" % (line, col))

    def _unknown(self):
        return ValueError("Unrecognized named group in pattern", self.pattern)

    def _mapping(self, mapping, kws):
        if mapping is _NO_MAPPING:
            return kws
        if kws:
            return _ChainMap(kws, mapping)
        return mapping

    def substitute(self, mapping=_NO_MAPPING, /, **kws):
        values = self._mapping(mapping, kws)

        def replace(m):
            name = m.group("named") or m.group("braced")
            if name is not None:
                return str(values[name])
            if m.group("escaped") is not None:
                return self.delimiter
            if m.group("invalid") is not None:
                self._where(m)
            raise self._unknown()

        return self.pattern.sub(replace, self.template)

    def safe_substitute(self, mapping=_NO_MAPPING, /, **kws):
        values = self._mapping(mapping, kws)

        def replace(m):
            name = m.group("named") or m.group("braced")
            if name is not None:
                try:
                    return str(values[name])
                except KeyError:
                    return m.group()
            if m.group("escaped") is not None:
                return self.delimiter
            if m.group("invalid") is not None:
                return m.group()
            raise self._unknown()

        return self.pattern.sub(replace, self.template)

    def is_valid(self):
        for m in self.pattern.finditer(self.template):
            if m.group("invalid") is not None:
                return False
            if m.group("named") is None and m.group("braced") is None and m.group("escaped") is None:
                raise self._unknown()
        return True

    def get_identifiers(self):
        found = []
        for m in self.pattern.finditer(self.template):
            name = m.group("named") or m.group("braced")
            if name is not None:
                if name not in found:
                    found.append(name)
            elif m.group("invalid") is None and m.group("escaped") is None:
                raise self._unknown()
        return found


Template.__init_subclass__()


def _split_markup(text):
    """The pieces of a format string, as `Formatter.parse` yields them: tuples
    `(literal, field_name, format_spec, conversion)`. A piece without a replacement field
    has `None` in the last three places; a field without a spec has `""` there, one without
    a conversion `None`. `{{` and `}}` end a literal after their first brace. The text is
    read left to right once; an error is raised when the piece that holds it is reached."""
    n = len(text)
    i = 0
    while i < n:
        start = i
        brace = None
        while i < n:
            c = text[i]
            i += 1
            if c == "{" or c == "}":
                brace = c
                break
        if brace is None:
            yield (text[start:i], None, None, None)
            return
        doubled = i < n and text[i] == brace
        if brace == "}" and not doubled:
            raise ValueError("Single '}' encountered in format string")
        if i >= n:
            raise ValueError("Single '{' encountered in format string")
        if doubled:
            i += 1
            yield (text[start:i - 1], None, None, None)
            continue
        literal = text[start:i - 1]
        i, name, spec, conversion = _read_field(text, i)
        yield (literal, name, spec, conversion)


def _read_field(text, i):
    """Reads the replacement field that starts at `text[i]` (just after its `{`): returns
    `(end, name, spec, conversion)` with `end` just after the closing `}`. The name ends at
    `:`, `!` or `}` outside brackets; a spec runs to the brace that balances the field's."""
    n = len(text)
    name_start = i
    stop = None
    while i < n:
        c = text[i]
        i += 1
        if c == "{":
            raise ValueError("unexpected '{' in field name")
        if c == "[":
            while i < n and text[i] != "]":
                i += 1
            continue
        if c == "}" or c == ":" or c == "!":
            stop = c
            break
    if stop is None:
        raise ValueError("expected '}' before end of string")
    name = text[name_start:i - 1]
    if stop == "}":
        return i, name, "", None
    conversion = None
    if stop == "!":
        if i >= n:
            raise ValueError("end of string while looking for conversion specifier")
        conversion = text[i]
        i += 1
        if i < n:
            c = text[i]
            i += 1
            if c == "}":
                return i, name, "", conversion
            if c != ":":
                raise ValueError("expected ':' after conversion specifier")
    spec_start = i
    depth = 1
    while i < n:
        c = text[i]
        i += 1
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i, name, text[spec_start:i - 1], conversion
    raise ValueError("unmatched '{' in format spec")


def _as_index(text):
    """`text` as an int when it is all decimal digits (Unicode ones too), else `text`."""
    if text and all(c.isdecimal() for c in text):
        return int(text)
    return text


def _field_path(field_name):
    """`a.b[0][k]` as `("a", [(True, "b"), (False, 0), (False, "k")])`: the first name (an int
    when it is a number) and the attribute (`True`) and item (`False`) steps after it."""
    n = len(field_name)
    k = 0
    while k < n and field_name[k] not in ".[":
        k += 1
    first = _as_index(field_name[:k])
    steps = []
    while k < n:
        c = field_name[k]
        k += 1
        if c == ".":
            start = k
            while k < n and field_name[k] not in ".[":
                k += 1
            if k == start:
                raise ValueError("Empty attribute in format string")
            steps.append((True, field_name[start:k]))
        elif c == "[":
            start = k
            while k < n and field_name[k] != "]":
                k += 1
            if k >= n:
                raise ValueError("Missing ']' in format string")
            if k == start:
                raise ValueError("Empty attribute in format string")
            steps.append((False, _as_index(field_name[start:k])))
            k += 1
            if k < n and field_name[k] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, steps


class Formatter:
    """`str.format`'s machinery as overridable steps: `parse` splits the string, `get_field`
    and `get_value` find each argument, `convert_field` applies `!r`/`!s`/`!a`,
    `format_field` formats it, and `check_unused_args` may reject what was not used."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used = set()
        text, _ = self._fill(format_string, args, kwargs, used, 2, 0)
        self.check_unused_args(used, args, kwargs)
        return text

    def _fill(self, format_string, args, kwargs, used, depth, next_auto):
        # `next_auto` is the next automatic field number, or False once a field was numbered
        # by hand; `depth` bounds fields nested in format specs.
        if depth < 0:
            raise ValueError("Max string recursion exceeded")
        out = []
        for literal, name, spec, conversion in self.parse(format_string):
            if literal:
                out.append(literal)
            if name is None:
                continue
            if name == "":
                if next_auto is False:
                    raise ValueError(
                        "cannot switch from manual field specification to automatic field numbering"
                    )
                name = str(next_auto)
                next_auto += 1
            elif name.isdigit():
                if next_auto:
                    # CPython's text, for this direction too.
                    raise ValueError(
                        "cannot switch from manual field specification to automatic field numbering"
                    )
                next_auto = False
            value, key = self.get_field(name, args, kwargs)
            used.add(key)
            value = self.convert_field(value, conversion)
            spec, next_auto = self._fill(spec, args, kwargs, used, depth - 1, next_auto)
            out.append(self.format_field(value, spec))
        return "".join(out), next_auto

    def parse(self, format_string):
        return _split_markup(format_string)

    def get_field(self, field_name, args, kwargs):
        first, steps = _field_path(field_name)
        value = self.get_value(first, args, kwargs)
        for is_attr, key in steps:
            value = getattr(value, key) if is_attr else value[key]
        return value, first

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError("Unknown conversion specifier " + str(conversion))
