try:
    raise ValueError("naked")
except* ValueError as e:
    e.add_note("added in handler")
    raise TypeError("from handler")
