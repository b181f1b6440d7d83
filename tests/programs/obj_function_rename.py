# __name__, __qualname__ and __doc__ are writable; repr follows __qualname__.
def original():
    "first doc"
    return 1


original.__name__ = "renamed"
print(original.__name__, original.__qualname__)
print(repr(original).startswith("<function original at"))
original.__qualname__ = "Space.renamed"
print(repr(original).startswith("<function Space.renamed at"))
original.__doc__ = "second doc"
print(original.__doc__)
original.__doc__ = None
print(original.__doc__)
for attr, value in (("__name__", 3), ("__qualname__", None)):
    try:
        setattr(original, attr, value)
    except TypeError as e:
        print("TypeError:", e)
print(original())
