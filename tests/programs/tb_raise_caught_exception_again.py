def first():
    return {}["missing"]

def second():
    try:
        first()
    except KeyError as e:
        err = e
    print("got", repr(err))
    raise err

second()
