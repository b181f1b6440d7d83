def lookup(key):
    try:
        return valuez[key]
    except NameError:
        print("not found, re-raising")
        raise

values = {"a": 1}
print(values["a"])
lookup("a")
