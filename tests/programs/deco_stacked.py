def bold(fn):
    def wrapper(*a):
        return "<b>" + fn(*a) + "</b>"
    return wrapper


def italic(fn):
    def wrapper(*a):
        return "<i>" + fn(*a) + "</i>"
    return wrapper


def upper(fn):
    def wrapper(*a):
        return fn(*a).upper()
    return wrapper


@bold
@italic
def text(s):
    return s


@italic
@bold
@upper
def shout(s):
    return s + "!"


print(text("hello"))
print(shout("hey"))
order = []


def mark(label):
    order.append("define " + label)

    def deco(fn):
        order.append("apply " + label)

        def wrapper():
            order.append("call " + label)
            return fn()
        return wrapper
    return deco


@mark("outer")
@mark("inner")
def target():
    order.append("body")
    return "done"


print(order)
print(target())
print(order)
