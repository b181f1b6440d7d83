class MyGroup(ExceptionGroup):
    pass

def inner():
    raise MyGroup("custom", [NameError("nme"), AttributeError("attr")])

def outer():
    try:
        inner()
    except* NameError:
        raise SystemError("replaced")

outer()
