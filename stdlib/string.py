# molt's `string`: the character-class constants, `capwords` and `Template`, written for
# molt. (`Formatter` is not provided yet.)

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
