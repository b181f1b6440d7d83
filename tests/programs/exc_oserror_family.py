for args in [(2, 'x', 'f'), (2, 'x', 'f', None, 'g'), ('a',), (1, 2), (None, 'y'), (0, ''), (2, 'x', None), ('a','b','c','d','e','f'), (13, 'denied'), (999, 'odd')]:
    e = OSError(*args)
    print(type(e).__name__, e.args, repr(str(e)), e.errno, e.strerror, e.filename, e.filename2)
class E(OSError): pass
e = E(2, 'x'); print(type(e).__name__, str(e), e.errno)
e = FileNotFoundError(5, 'y'); print(type(e).__name__, str(e))
try:
    raise FileNotFoundError(2, "No such file or directory", "data.txt")
except OSError as e:
    print("caught", type(e).__name__, e)
print(issubclass(BrokenPipeError, ConnectionError), issubclass(ConnectionError, OSError), IOError is OSError, EnvironmentError)
print(issubclass(UserWarning, Warning), issubclass(Warning, Exception), __debug__)
for cls in (BlockingIOError, ChildProcessError, BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError,
            ConnectionResetError, FileExistsError, FileNotFoundError, InterruptedError, IsADirectoryError,
            NotADirectoryError, PermissionError, ProcessLookupError, TimeoutError, BufferError, ReferenceError,
            SystemError, StopAsyncIteration, DeprecationWarning, PendingDeprecationWarning, SyntaxWarning,
            RuntimeWarning, FutureWarning, ImportWarning, UnicodeWarning, BytesWarning, ResourceWarning,
            EncodingWarning, UserWarning):
    print(cls.__name__, [c.__name__ for c in cls.__mro__][1:])
try:
    raise PermissionError(13, "Permission denied", "/root")
except ConnectionError:
    print("wrong handler")
except OSError as e:
    print("handled", type(e).__name__, e.errno, e.filename, e)
