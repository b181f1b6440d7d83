def f() -> None:
    raise ValueError("bad")


try:
    f()
except* ValueError:  # unsupported: except*
    print("handled")
