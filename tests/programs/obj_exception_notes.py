# add_note / __notes__; the notes are printed after the exception line.
e = ValueError("bad input")
print(hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second note")
print(e.__notes__, vars(e))
try:
    e.add_note(42)
except TypeError as t:
    print("TypeError:", t)
try:
    raise KeyError("k")
except KeyError as k:
    k.add_note("while looking up k")
    print(k.__notes__)
err = RuntimeError("final")
err.add_note("context: step 3")
err.add_note("hint: retry")
raise err
