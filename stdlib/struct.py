# molt's `struct`, written for molt (not CPython's code). The runtime's private module
# `_molt_struct` parses formats (byte order, native sizes and C alignment) and packs and
# unpacks values with CPython 3.11's conversions and `struct.error` messages; this module
# gives them CPython's interface: the module functions (over a cache of `Struct`s, as
# CPython's), `Struct`, the iterator of `iter_unpack`, and `error`.

import _molt_struct

__all__ = [
    "calcsize",
    "pack",
    "pack_into",
    "unpack",
    "unpack_from",
    "iter_unpack",
    "Struct",
    "error",
]


class error(Exception):
    pass


_molt_struct.init(error)


def _format_bytes(format):
    # A format is a str (ASCII) or bytes; the runtime reads its bytes.
    if isinstance(format, str):
        return format.encode("ascii")
    if isinstance(format, bytes):
        return bytes(format)
    raise TypeError(
        "Struct() argument 1 must be a str or bytes object, not %s" % type(format).__name__
    )


class Struct:
    __module__ = "_struct"
    __slots__ = ("_fmt", "_format", "_size", "_items")

    def __init__(self, format):
        fmt = _format_bytes(format)
        size, items = _molt_struct.layout(fmt)
        self._fmt = fmt
        self._format = fmt.decode("ascii")
        self._size = size
        self._items = items

    def __setattr__(self, name, value):
        if name == "format" or name == "size":
            raise AttributeError(
                "attribute '%s' of '_struct.Struct' objects is not writable" % name
            )
        object.__setattr__(self, name, value)

    @property
    def format(self):
        return self._format

    @property
    def size(self):
        return self._size

    def pack(self, *values):
        return _molt_struct.pack(self._fmt, values)

    def pack_into(self, *args):
        _molt_struct.pack_into(self._fmt, args)

    def unpack(self, buffer, /):
        return _molt_struct.unpack(self._fmt, buffer)

    def unpack_from(self, buffer, offset=0):
        return _molt_struct.unpack_from(self._fmt, buffer, offset)

    def iter_unpack(self, buffer, /):
        return _iter_unpack(self, buffer)


class unpack_iterator:
    __module__ = "_struct"
    __slots__ = ("_fmt", "_size", "_buffer", "_length", "_offset")

    def __new__(cls, *args, **kwargs):
        raise TypeError("Cannot create 'unpack_iterator objects")

    def __iter__(self):
        return self

    def __next__(self):
        buffer = self._buffer
        if buffer is None:
            raise StopIteration
        offset = self._offset
        if offset >= self._length:
            self._buffer = None
            raise StopIteration
        if isinstance(buffer, memoryview):
            # A view's length cannot change (its exporter cannot be resized).
            self._offset = offset + self._size
            return _molt_struct.unpack_from(self._fmt, buffer, offset)
        if isinstance(buffer, (bytes, bytearray)):
            if len(buffer) != self._length:
                raise BufferError("molt: the buffer of iter_unpack was resized while iterating")
            self._offset = offset + self._size
            return _molt_struct.unpack_from(self._fmt, buffer, offset)
        # An array: the bytes of this step only, read now (CPython reads the items'
        # current bytes through the buffer the iterator holds).
        chunk = buffer._molt_bytes_at(offset, offset + self._size, self._length)
        self._offset = offset + self._size
        return _molt_struct.unpack(self._fmt, chunk)

    def __length_hint__(self):
        if self._buffer is None:
            return 0
        return (self._length - self._offset) // self._size


_unpack_iterator = unpack_iterator
del unpack_iterator


def _iter_unpack(s, buffer):
    # The byte length of any bytes-like object (an array's too), or CPython's TypeError.
    length = _molt_struct.nbytes(buffer)
    size = s._size
    if size == 0:
        raise error("cannot iteratively unpack with a struct of length 0")
    if length % size != 0:
        raise error("iterative unpacking requires a buffer of a multiple of %d bytes" % size)
    it = object.__new__(_unpack_iterator)
    it._fmt = s._fmt
    it._size = size
    it._buffer = buffer
    it._length = length
    it._offset = 0
    return it


_MAXCACHE = 100
_cache = {}


def _struct(format):
    # CPython's cache of compiled formats: looking a format up hashes it (so a bytearray
    # format raises `unhashable type`), and a full cache is emptied.
    s = _cache.get(format)
    if s is None:
        s = Struct(format)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[format] = s
    return s


def _clearcache():
    _cache.clear()


def calcsize(format, /):
    return _struct(format)._size


def pack(*args):
    if not args:
        raise TypeError("missing format argument")
    return _molt_struct.pack(_struct(args[0])._fmt, args[1:])


def pack_into(*args):
    if not args:
        raise TypeError("missing format argument")
    _molt_struct.pack_into(_struct(args[0])._fmt, args[1:])


def unpack(format, buffer, /):
    return _molt_struct.unpack(_struct(format)._fmt, buffer)


def unpack_from(format, /, buffer, offset=0):
    return _molt_struct.unpack_from(_struct(format)._fmt, buffer, offset)


def iter_unpack(format, buffer, /):
    return _iter_unpack(_struct(format), buffer)
