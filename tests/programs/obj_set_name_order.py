# __set_name__ runs at class creation, in definition order, with the owner and the name.
order = []


class Field:
    counter = 0

    def __init__(self, kind: str) -> None:
        Field.counter += 1
        self.kind = kind
        self.index = Field.counter

    def __set_name__(self, owner, name):
        order.append((owner.__name__, name, self.kind, self.index))


class Record:
    print("body starts")
    zeta = Field("int")
    alpha = Field("str")
    plain = 5
    middle = Field("float")
    print("body ends")


print(order)


class Sub(Record):
    extra = Field("bool")


print(order[-1])
print(Record.zeta.index, Record.alpha.kind, Sub.extra.index)


class NoHook:
    def __init__(self):
        self.seen = False


class Holder:
    item = NoHook()


print(Holder.item.seen)
