# __cause__, __context__ and __suppress_context__ after raise, raise from, from None.
def attempt(mode: str):
    try:
        try:
            {}["missing"]
        except KeyError as k:
            if mode == "from":
                raise ValueError("explicit") from k
            if mode == "none":
                raise ValueError("suppressed") from None
            raise ValueError("implicit")
    except ValueError as v:
        cause = type(v.__cause__).__name__ if v.__cause__ is not None else None
        ctx = type(v.__context__).__name__ if v.__context__ is not None else None
        print(mode, cause, ctx, v.__suppress_context__)


for m in ("from", "none", "plain"):
    attempt(m)
e = ValueError("x")
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
e.__cause__ = KeyError("c")
print(e.__suppress_context__, repr(e.__cause__))
e.__suppress_context__ = False
print(e.__suppress_context__)
print(e.with_traceback(None) is e)
try:
    e.__cause__ = 5
except TypeError as t:
    print("TypeError:", t)
