def outer():
    def inner():
        return captured + 1
    print("before", inner.__name__)
    result = inner()
    captured = 5
    return result

outer()
