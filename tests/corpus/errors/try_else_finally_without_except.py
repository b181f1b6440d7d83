# A try with else and finally but no except: the parser we use accepts it, CPython's grammar
# does not (an else clause needs an except clause).
def g():
    try:
        y = 1
    else:  # error: syntax
        y = 2
    finally:
        y = 3
    return y


print(g())
