# molt's `copy`: shallow and deep copies, written for molt (not CPython's code). Builtin
# containers are copied as CPython copies them; instances of the program's classes through
# `__copy__`/`__deepcopy__` when they define them, else as CPython's default reduction does
# (a new object from `cls.__new__(cls)` given the original's `__dict__` and slots, or the
# state `__getstate__` returns, through `__setstate__` when the class has one).


class Error(Exception):
    pass


error = Error


def _function():
    pass


class _Probe:
    def method(self):
        pass


# Objects copy() and deepcopy() return unchanged.
_ATOMIC = (
    type(None), int, float, bool, str, bytes, type, range, type(_function), type(len),
    type(Ellipsis), type(NotImplemented), property,
)
_SHALLOW_IMMUTABLE = _ATOMIC + (tuple, frozenset, slice)


def _same(a, b):
    # `a is b` without the runtime's refusal of `is` between equal floats and ints outside
    # the small-int cache (molt keeps them unboxed): two such words that are equal are the
    # same object here, as a value and its copy are in CPython.
    return type(a) is type(b) and id(a) == id(b)


def _user_defined(cls, name):
    # Whether a class of the program (not `object`) defines `name`.
    for klass in cls.__mro__:
        if klass is object:
            return False
        if name in klass.__dict__:
            return True
    return False


def _unsupported(cls):
    return NotImplementedError(
        "molt: copying '%s' objects is not supported yet" % cls.__name__
    )


def copy(x):
    cls = type(x)
    if cls in _SHALLOW_IMMUTABLE or issubclass(cls, type):
        return x
    if cls is list:
        return x.copy()
    if cls is dict:
        return x.copy()
    if cls is set or cls is bytearray:
        return x.copy()
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A tuple that reached itself through its items was copied meanwhile.
        if d in memo:
            return memo[d]
        same = True
        for i in range(len(x)):
            if not _same(items[i], x[i]):
                same = False
                break
        y = x if same else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set or cls is frozenset:
        items = deepcopy(list(x), memo)
        y = cls(items)
    elif cls is bytearray:
        y = bytearray(x)
    elif cls is type(_Probe().method):
        y = cls(x.__func__, deepcopy(x.__self__, memo))
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo)
    if not _same(y, x):
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo):
    # CPython's default reduction (`object.__reduce_ex__(4)`): a new object of the class,
    # then the state; a deep copy copies the state too.
    cls = type(x)
    if isinstance(x, BaseException):
        args = x.args
        if isinstance(x, OSError) and len(args) == 2 and x.filename is not None:
            # `OSError.__reduce__` gives the file names back to the constructor.
            if x.filename2 is None:
                args = args + (x.filename,)
            else:
                args = args + (x.filename, None, x.filename2)
        if memo is not None:
            args = deepcopy(args, memo)
        y = cls(*args)
        state = x.__dict__ or None
    elif cls is memoryview:
        # CPython's `object.__reduce_ex__` refuses views (copyreg's message).
        raise TypeError("cannot pickle memoryview objects")
    elif cls.__module__ == "builtins":
        raise _unsupported(cls)
    else:
        y = cls.__new__(cls)
        if _user_defined(cls, "__getstate__"):
            state = x.__getstate__()
        else:
            state = _default_state(x, cls)
    if memo is not None:
        memo[id(x)] = y
    if state is not None:
        _set_state(y, cls, state, memo)
    _copy_items(x, y, memo)
    return y


def _set_state(y, cls, state, memo):
    if memo is not None:
        state = deepcopy(state, memo)
    if _user_defined(cls, "__setstate__"):
        y.__setstate__(state)
        return
    slots = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
    if state:
        y.__dict__.update(state)
    if slots:
        for key, value in slots.items():
            setattr(y, key, value)


def _copy_items(x, y, memo):
    # The items of a `list` or `dict` subclass's instance, which CPython's reduction
    # carries after the state (`y.append(item)`, `y[key] = value`).
    if isinstance(x, list):
        for item in list.__iter__(x):
            y.append(item if memo is None else deepcopy(item, memo))
    elif isinstance(x, dict):
        for key, value in dict.items(x):
            if memo is not None:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value


def _default_state(x, cls):
    # `object.__getstate__()`: the instance dict (None when empty), with the slots that are
    # set as a second dict when the class has `__slots__`.
    try:
        state = x.__dict__ or None
    except AttributeError:
        state = None
    slots = {}
    for klass in cls.__mro__:
        names = klass.__dict__.get("__slots__", ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                name = "_%s%s" % (klass.__name__.lstrip("_"), name)
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
    if slots:
        return (state, slots)
    return state
