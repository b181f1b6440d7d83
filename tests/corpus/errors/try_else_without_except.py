# CPython's grammar wants an except clause before a try's else; the parser we use
# lets `try: ... else: ...` through, so the compiler reports it as CPython does.
def f():
    try:
        x = 1
    else:  # error: syntax
        x = 2
    return x


print(f())
