try:
    print(int("x"))
except* ValueError:
    pass
except OSError:  # error: syntax
    pass

try:
    pass
except*:  # error: syntax
    pass
