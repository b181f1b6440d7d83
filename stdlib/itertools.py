# molt's `itertools`: iterator building blocks, written for molt (not CPython's code). Each
# iterator is a class named as CPython's (`type(count())` is `itertools.count`), consumes its
# input as lazily as CPython's C implementation does, and raises CPython's errors.
# The combinatoric iterators, `cycle` and `zip_longest` are the runtime's (`runtime/src/itertools.rs`), as fast as
# CPython's C ones.

from _molt_itertools import (
    combinations,
    combinations_with_replacement,
    cycle,
    permutations,
    product,
    zip_longest,
)

_MISSING = object()


# `C[int]` of the classes CPython makes generic: a `types.GenericAlias`.
_GenericAlias = type(list[int])


def _is_number(x):
    return isinstance(x, (int, float)) or hasattr(type(x), "__index__") or hasattr(
        type(x), "__float__"
    )


class count:
    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError("a number is required")
        self._value = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._value
        self._value = value + self._step
        return value

    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return "count(%r)" % (self._value,)
        return "count(%r, %r)" % (self._value, step)


class repeat:
    def __init__(self, object, times=_MISSING):
        self._object = object
        if times is _MISSING:
            self._left = -1
        else:
            if not isinstance(times, int):
                raise TypeError(
                    "'%s' object cannot be interpreted as an integer" % type(times).__name__
                )
            self._left = times if times > 0 else 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._left == 0:
            raise StopIteration
        if self._left > 0:
            self._left -= 1
        return self._object

    def __length_hint__(self):
        if self._left < 0:
            raise TypeError("len() of unsized object")
        return self._left

    def __repr__(self):
        if self._left < 0:
            return "repeat(%r)" % (self._object,)
        return "repeat(%r, %d)" % (self._object, self._left)


class accumulate:
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = _MISSING
        self._initial = initial

    def __iter__(self):
        return self

    def __next__(self):
        if self._initial is not None:
            self._total = self._initial
            self._initial = None
            return self._total
        item = next(self._it)
        if self._total is _MISSING:
            self._total = item
        elif self._func is None:
            self._total = self._total + item
        else:
            self._total = self._func(self._total, item)
        return self._total


class chain:
    __class_getitem__ = classmethod(_GenericAlias)
    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable, /):
        self = cls()
        self._sources = iter(iterable)
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                if self._sources is None:
                    raise StopIteration
                for source in self._sources:
                    self._active = iter(source)
                    break
                else:
                    self._sources = None
                    raise StopIteration
            for item in self._active:
                return item
            self._active = None


class compress:
    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            item = next(self._data)
            selector = next(self._selectors)
            if selector:
                return item


class dropwhile:
    def __init__(self, predicate, iterable, /):
        self._predicate = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            item = next(self._it)
            if not self._dropping:
                return item
            if not self._predicate(item):
                self._dropping = False
                return item


class takewhile:
    def __init__(self, predicate, iterable, /):
        self._predicate = predicate
        self._it = iter(iterable)
        self._stopped = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        item = next(self._it)
        if self._predicate(item):
            return item
        self._stopped = True
        raise StopIteration


class filterfalse:
    def __init__(self, function, iterable, /):
        self._function = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            item = next(self._it)
            if self._function is None:
                keep = not item
            else:
                keep = not self._function(item)
            if keep:
                return item


class starmap:
    def __init__(self, function, iterable, /):
        self._function = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        args = next(self._it)
        return self._function(*args)


class groupby:
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._has_current = False
        self._has_target = False
        self._current_key = None
        self._current_value = None
        self._target_key = None
        self._group = None

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._current_value = value
        self._current_key = key
        self._has_current = True

    def __next__(self):
        self._group = None
        while True:
            if not self._has_current:
                self._step()
            elif not self._has_target:
                break
            elif self._target_key == self._current_key:
                self._step()
            else:
                break
        self._target_key = self._current_key
        self._has_target = True
        group = _grouper(self, self._target_key)
        self._group = group
        return (self._current_key, group)


class _grouper:
    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._group is not self:
            raise StopIteration
        if not parent._has_current:
            parent._step()
        if not self._key == parent._current_key:
            raise StopIteration
        parent._has_current = False
        return parent._current_value


_MAXSIZE = 9223372036854775807


def _islice_arg(value, message):
    if value is None:
        return None
    try:
        n = range(value).stop
    except TypeError:
        raise ValueError(message) from None
    if n < 0 or n > _MAXSIZE:
        raise ValueError(message)
    return n


class islice:
    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = None, args[0], None
        elif len(args) == 2:
            start, stop, step = args[0], args[1], None
        elif len(args) == 3:
            start, stop, step = args
        elif not args:
            raise TypeError("islice expected at least 2 arguments, got 1")
        else:
            raise TypeError("islice expected at most 4 arguments, got %d" % (len(args) + 1))
        stop = _islice_arg(
            stop,
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        )
        message = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        start = _islice_arg(start, message)
        if step is not None:
            try:
                step = range(step).stop
            except TypeError:
                raise ValueError(message) from None
            if step < 1:
                raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = iter(iterable)
        self._next = 0 if start is None else start
        self._stop = stop
        self._step = 1 if step is None else step
        self._count = 0

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        if stop is not None and self._count >= stop:
            self._it = None
            raise StopIteration
        while self._count < self._next:
            for item in it:
                break
            else:
                self._it = None
                raise StopIteration
            self._count += 1
        if stop is not None and self._count >= stop:
            self._it = None
            raise StopIteration
        for item in it:
            break
        else:
            self._it = None
            raise StopIteration
        self._count += 1
        self._next += self._step
        if stop is not None and self._next > stop:
            self._next = stop
        return item


class pairwise:
    def __init__(self, iterable, /):
        self._it = iter(iterable)
        self._old = _MISSING

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is None:
            raise StopIteration
        if self._old is _MISSING:
            for item in self._it:
                self._old = item
                break
            else:
                self._it = None
                raise StopIteration
        for item in self._it:
            pair = (self._old, item)
            self._old = item
            return pair
        self._it = None
        self._old = _MISSING
        raise StopIteration


class _tee:
    def __init__(self, source, node):
        # `node` is the next cell to read: [value, next cell] or [_MISSING, None] at the end
        # of what has been read so far from the shared `source` iterator.
        self._source = source
        self._node = node

    def __iter__(self):
        return self

    def __next__(self):
        node = self._node
        if node[1] is None:
            item = next(self._source)
            node[0] = item
            node[1] = [_MISSING, None]
        self._node = node[1]
        return node[0]


def tee(iterable, n=2, /):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError("n must be >= 0")
    source = iter(iterable)
    start = [_MISSING, None]
    return tuple(_tee(source, start) for _ in range(n))
