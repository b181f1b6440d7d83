def f():
    raise BaseExceptionGroup("bg", [KeyboardInterrupt(), ValueError("x")])
try:
    f()
except* ValueError as v:
    print("handled", repr(v))
