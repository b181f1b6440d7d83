# molt's `array`, written for molt (not CPython's code). An array keeps its items in a
# list of Python values, each checked (and, for 'f', rounded to a C float) as CPython's
# array stores it; the byte-level methods (`tobytes`, `frombytes`, `byteswap`) go through
# `struct` with the native sizes of the machine, as CPython's C types.

from struct import pack as _pack, unpack as _unpack
import _molt_struct

typecodes = "bBuhHiIlLqQfd"

_ITEMSIZE = {"b": 1, "B": 1, "u": 4, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8, "L": 8,
             "q": 8, "Q": 8, "f": 4, "d": 8}

_MISSING = object()
_I64_MIN = -(2**63)
_I64_MAX = 2**63 - 1
_U64_MAX = 2**64 - 1


def _index(v):
    # operator.index (range raises CPython's TypeError for other values).
    if type(v) is int:
        return v
    return range(v).stop


def _check_range(v, lo, hi, name):
    if v < lo:
        raise OverflowError(name + " is less than minimum")
    if v > hi:
        raise OverflowError(name + " is greater than maximum")


def _int_item(tc, v):
    # CPython's conversions of an item for each integer typecode, with their messages.
    v = _index(v)
    if tc in "bBhHil":
        if v < _I64_MIN or v > _I64_MAX:
            raise OverflowError("Python int too large to convert to C long")
        if tc == "b":
            _check_range(v, -32768, 32767, "signed short integer")
            _check_range(v, -128, 127, "signed char")
        elif tc == "B":
            _check_range(v, 0, 255, "unsigned byte integer")
        elif tc == "h":
            _check_range(v, -32768, 32767, "signed short integer")
        elif tc == "H":
            _check_range(v, -(2**31), 2**31 - 1, "signed integer")
            _check_range(v, 0, 65535, "unsigned short")
        elif tc == "i":
            _check_range(v, -(2**31), 2**31 - 1, "signed integer")
    elif tc in "IL":
        if v < 0:
            raise OverflowError("can't convert negative value to unsigned int")
        if v > _U64_MAX:
            raise OverflowError("Python int too large to convert to C unsigned long")
        if tc == "I" and v > 2**32 - 1:
            raise OverflowError("unsigned int is greater than maximum")
    elif tc == "q":
        if v < _I64_MIN or v > _I64_MAX:
            raise OverflowError("int too big to convert")
    else:
        if v < 0:
            raise OverflowError("can't convert negative int to unsigned")
        if v > _U64_MAX:
            raise OverflowError("int too big to convert")
    return v


def _float_item(tc, v):
    if isinstance(v, float):
        x = float(v)
    elif isinstance(v, int):
        x = float(v)
    elif hasattr(type(v), "__float__"):
        x = float(v)
    elif hasattr(type(v), "__index__"):
        x = float(_index(v))
    else:
        raise TypeError("must be real number, not %s" % type(v).__name__)
    if tc == "f":
        # The C float the item becomes (the native cast: no overflow error).
        x = _unpack("f", _pack("f", x))[0]
    return x


def _item(tc, v):
    if tc == "u":
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError("array item must be unicode character")
        return str(v)
    if tc == "f" or tc == "d":
        return _float_item(tc, v)
    return _int_item(tc, v)


# Builtin types whose reflected operators never take an array: CPython's array reports its
# own error for them (its sequence slots come after their number slots).
_BUILTIN_OPERANDS = (int, float, complex, str, bytes, bytearray, list, tuple, dict, set,
                     frozenset, type(None))


def _defers(other, name):
    # Whether `array OP other` should return NotImplemented so that `other`'s reflected
    # method runs (a user class defining it).
    return not isinstance(other, _BUILTIN_OPERANDS) and hasattr(type(other), name)


def _byte_code(tc):
    # The struct code of an item's bytes ('u' is a 4-byte wchar_t code point).
    return "I" if tc == "u" else tc


class array:
    __module__ = "array"
    __slots__ = ("_tc", "_items")

    def __init__(self, typecode, initializer=_MISSING, /):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError(
                "array() argument 1 must be a unicode character, not %s" % type(typecode).__name__
            )
        if typecode not in _ITEMSIZE:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        self._tc = typecode
        self._items = []
        if initializer is _MISSING:
            return
        if isinstance(initializer, str):
            if typecode != "u":
                raise TypeError(
                    "cannot use a str to initialize an array with typecode '%s'" % typecode
                )
            self._items = list(initializer)
        elif isinstance(initializer, array):
            if initializer._tc == "u" and typecode != "u":
                raise TypeError(
                    "cannot use a unicode array to initialize an array with typecode '%s'"
                    % typecode
                )
            self._items = [_item(typecode, v) for v in initializer._items]
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        else:
            self._items = [_item(typecode, v) for v in initializer]

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return _ITEMSIZE[self._tc]

    def __repr__(self):
        name = type(self).__name__
        if not self._items:
            return "%s('%s')" % (name, self._tc)
        if self._tc == "u":
            return "%s('u', %r)" % (name, "".join(self._items))
        return "%s('%s', %r)" % (name, self._tc, self._items)

    __str__ = __repr__

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, value):
        return value in self._items

    def _new(self, items):
        a = object.__new__(array)
        a._tc = self._tc
        a._items = items
        return a

    def _position(self, index, message):
        # The item position of an integer index (negative from the end), or CPython's errors.
        if not hasattr(type(index), "__index__"):
            raise TypeError("array indices must be integers")
        i = _index(index)
        if not -(1 << 63) <= i < 1 << 63:
            raise IndexError("cannot fit 'int' into an index-sized integer")
        n = len(self._items)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError(message)
        return i

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._new(self._items[index])
        i = self._position(index, "array index out of range")
        return self._items[i]

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            if not isinstance(value, array):
                raise TypeError(
                    'can only assign array (not "%s") to array slice' % type(value).__name__
                )
            if value._tc != self._tc:
                raise TypeError("bad argument type for built-in operation")
            items = list(value._items)
            start, stop, step = index.indices(len(self._items))
            if step != 1:
                count = len(range(start, stop, step))
                if len(items) != count:
                    raise ValueError(
                        "attempt to assign array of size %d to extended slice of size %d"
                        % (len(items), count)
                    )
            self._items[index] = items
            return
        i = self._position(index, "array assignment index out of range")
        self._items[i] = _item(self._tc, value)

    def __delitem__(self, index):
        if isinstance(index, slice):
            del self._items[index]
            return
        i = self._position(index, "array assignment index out of range")
        del self._items[i]

    def __add__(self, other):
        if not isinstance(other, array):
            if _defers(other, "__radd__"):
                return NotImplemented
            raise TypeError(
                'can only append array (not "%s") to array' % type(other).__name__
            )
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError(
                'can only extend array with array (not "%s")' % type(other).__name__
            )
        if other._tc != self._tc:
            raise TypeError("can only extend with array of same kind")
        self._items += other._items
        return self

    def __mul__(self, n):
        if not hasattr(type(n), "__index__"):
            if _defers(n, "__rmul__"):
                return NotImplemented
            raise TypeError(
                "can't multiply sequence by non-int of type '%s'" % type(n).__name__
            )
        return self._new(self._items * _index(n))

    __rmul__ = __mul__

    def __imul__(self, n):
        if not hasattr(type(n), "__index__"):
            raise TypeError(
                "can't multiply sequence by non-int of type '%s'" % type(n).__name__
            )
        self._items *= _index(n)
        return self

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items >= other._items

    __hash__ = None

    def append(self, v, /):
        self._items.append(_item(self._tc, v))

    def extend(self, iterable, /):
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError("can only extend with array of same kind")
            self._items.extend(list(iterable._items))
            return
        for v in iterable:
            self._items.append(_item(self._tc, v))

    def insert(self, i, v, /):
        i = _index(i)
        self._items.insert(i, _item(self._tc, v))

    def pop(self, i=-1, /):
        i = _index(i)
        n = len(self._items)
        if n == 0:
            raise IndexError("pop from empty array")
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError("pop index out of range")
        return self._items.pop(i)

    def remove(self, v, /):
        for i, x in enumerate(self._items):
            if x == v:
                del self._items[i]
                return
        raise ValueError("array.remove(x): x not in array")

    def index(self, v, start=0, stop=9223372036854775807, /):
        n = len(self._items)
        start = _index(start)
        stop = _index(stop)
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        for i in range(start, min(stop, n)):
            if self._items[i] == v:
                return i
        raise ValueError("array.index(x): x not in array")

    def count(self, v, /):
        n = 0
        for x in self._items:
            if x == v:
                n += 1
        return n

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def fromlist(self, items, /):
        if not isinstance(items, list):
            raise TypeError("arg must be list")
        self._items.extend([_item(self._tc, v) for v in items])

    def tobytes(self):
        items = self._items
        if self._tc == "u":
            items = [ord(c) for c in items]
        return _pack("%d%s" % (len(items), _byte_code(self._tc)), *items)

    def frombytes(self, buffer, /):
        if isinstance(buffer, array):
            # CPython takes the buffer of a byte array only.
            if buffer._tc not in "bB":
                raise TypeError("a bytes-like object is required")
            buffer = array.tobytes(buffer)
        elif isinstance(buffer, memoryview):
            # A simple buffer: C-contiguous views only (any format), as CPython's.
            if not buffer.c_contiguous:
                raise BufferError("memoryview: underlying buffer is not C-contiguous")
            if buffer.itemsize != 1:
                raise TypeError("a bytes-like object is required")
            buffer = buffer.tobytes()
        if not isinstance(buffer, (bytes, bytearray)):
            raise TypeError(
                "a bytes-like object is required, not '%s'" % type(buffer).__name__
            )
        size = _ITEMSIZE[self._tc]
        if len(buffer) % size != 0:
            raise ValueError("bytes length not a multiple of item size")
        values = _unpack("%d%s" % (len(buffer) // size, _byte_code(self._tc)), buffer)
        if self._tc == "u":
            values = [_char(v) for v in values]
        self._items.extend(values)

    def buffer_info(self):
        raise NotImplementedError("molt: array.buffer_info() is not supported (no C buffer)")

    def _molt_bytes_at(self, start, stop, nbytes):
        # Bytes [start, stop) of the buffer (`struct.iter_unpack` reads an array a step at
        # a time); `nbytes` is the buffer's length when the reader started.
        size = _ITEMSIZE[self._tc]
        if len(self._items) * size != nbytes:
            raise BufferError("molt: the buffer of iter_unpack was resized while iterating")
        first = start // size
        part = self._new(self._items[first : (stop + size - 1) // size])
        lo = start - first * size
        return array.tobytes(part)[lo : lo + stop - start]

    def _set_buffer(self, data):
        # A write through the buffer (`struct.pack_into(arr, ...)`): `data` is as long as
        # the array's bytes and replaces its items.
        size = _ITEMSIZE[self._tc]
        values = _unpack("%d%s" % (len(data) // size, _byte_code(self._tc)), data)
        if self._tc == "u":
            values = [_char(v) for v in values]
        self._items[:] = values

    def byteswap(self):
        size = _ITEMSIZE[self._tc]
        data = self.tobytes()
        swapped = b"".join(data[i : i + size][::-1] for i in range(0, len(data), size))
        del self._items[:]
        self.frombytes(swapped)

    def tounicode(self):
        if self._tc != "u":
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return "".join(self._items)

    def fromunicode(self, s, /):
        if not isinstance(s, str):
            raise TypeError("fromunicode() argument must be str, not %s" % type(s).__name__)
        if self._tc != "u":
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        self._items.extend(s)

    def __copy__(self):
        return self._new(list(self._items))

    def __deepcopy__(self, memo, /):
        return self._new(list(self._items))


def _char(code):
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise NotImplementedError(
            "molt: an array('u') item U+%x is not a character molt's str can hold" % code
        )
    return chr(code)


ArrayType = array

# Every consumer of bytes-like objects in the runtime (bytes methods, struct, str(),
# int.from_bytes, ...) reads an array's machine bytes through `tobytes` of this class (an
# override in a subclass is not used, as CPython's buffer) and writes them through
# `_set_buffer`.
_molt_struct.init_array(array, array.tobytes, array._set_buffer)
