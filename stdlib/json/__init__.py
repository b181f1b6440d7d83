# molt's `json`: JSON encoding and decoding, written for molt (not CPython's code); the
# texts it writes and the errors it raises are CPython's (`json.encoder`, `json.decoder`).

from .decoder import JSONDecodeError, JSONDecoder
from .encoder import JSONEncoder

__all__ = ["dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError", "JSONEncoder"]

__version__ = "2.0.9"

_default_encoder = JSONEncoder()
_default_decoder = JSONDecoder()


def dumps(
    obj,
    *,
    skipkeys=False,
    ensure_ascii=True,
    check_circular=True,
    allow_nan=True,
    cls=None,
    indent=None,
    separators=None,
    default=None,
    sort_keys=False,
    **kw,
):
    """`obj` as a JSON document (a str). `indent` (spaces or a str) puts each member on a
    line of its own; `separators` is `(item, key)`; `default(o)` converts what JSON cannot
    hold; `cls` is a `JSONEncoder` subclass given the other arguments."""
    if (
        not skipkeys
        and ensure_ascii
        and check_circular
        and allow_nan
        and cls is None
        and indent is None
        and separators is None
        and default is None
        and not sort_keys
        and not kw
    ):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(
        skipkeys=skipkeys,
        ensure_ascii=ensure_ascii,
        check_circular=check_circular,
        allow_nan=allow_nan,
        indent=indent,
        separators=separators,
        default=default,
        sort_keys=sort_keys,
        **kw,
    ).encode(obj)


def dump(
    obj,
    fp,
    *,
    skipkeys=False,
    ensure_ascii=True,
    check_circular=True,
    allow_nan=True,
    cls=None,
    indent=None,
    separators=None,
    default=None,
    sort_keys=False,
    **kw,
):
    """Writes `obj` as a JSON document to `fp` (anything with a `write(str)` method), in
    pieces; the arguments are those of `dumps`."""
    if cls is None:
        cls = JSONEncoder
    encoder = cls(
        skipkeys=skipkeys,
        ensure_ascii=ensure_ascii,
        check_circular=check_circular,
        allow_nan=allow_nan,
        indent=indent,
        separators=separators,
        default=default,
        sort_keys=sort_keys,
        **kw,
    )
    for chunk in encoder.iterencode(obj):
        fp.write(chunk)


def loads(
    s,
    *,
    cls=None,
    object_hook=None,
    parse_float=None,
    parse_int=None,
    parse_constant=None,
    object_pairs_hook=None,
    **kw,
):
    """The value of the JSON document `s` (a str). Raises `JSONDecodeError` (a
    `ValueError`) with the position of the first error, `TypeError` for a non-str."""
    if isinstance(s, (bytes, bytearray)):
        # CPython detects UTF-8, UTF-16 and UTF-32; only UTF-8 (with or without its BOM)
        # is decoded here.
        b = bytes(s)
        if b.startswith(b"\xef\xbb\xbf"):
            b = b[3:]
        elif b.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in b[:4]:
            raise NotImplementedError("molt: json.loads of UTF-16 or UTF-32 bytes is not supported yet")
        s = b.decode("utf-8")
    if not isinstance(s, str):
        raise TypeError(
            f"the JSON object must be str, bytes or bytearray, not {s.__class__.__name__}"
        )
    if s.startswith("\ufeff"):
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    if (
        cls is None
        and object_hook is None
        and parse_int is None
        and parse_float is None
        and parse_constant is None
        and object_pairs_hook is None
        and not kw
    ):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw["object_hook"] = object_hook
    if object_pairs_hook is not None:
        kw["object_pairs_hook"] = object_pairs_hook
    if parse_float is not None:
        kw["parse_float"] = parse_float
    if parse_int is not None:
        kw["parse_int"] = parse_int
    if parse_constant is not None:
        kw["parse_constant"] = parse_constant
    return cls(**kw).decode(s)


def load(
    fp,
    *,
    cls=None,
    object_hook=None,
    parse_float=None,
    parse_int=None,
    parse_constant=None,
    object_pairs_hook=None,
    **kw,
):
    """The value of the JSON document `fp.read()`; the arguments are those of `loads`."""
    return loads(
        fp.read(),
        cls=cls,
        object_hook=object_hook,
        parse_float=parse_float,
        parse_int=parse_int,
        parse_constant=parse_constant,
        object_pairs_hook=object_pairs_hook,
        **kw,
    )
