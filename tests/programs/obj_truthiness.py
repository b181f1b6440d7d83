# __bool__ and __len__ decide truthiness, with CPython's errors.
class Empty:
    def __len__(self):
        return 0


class Full:
    def __len__(self):
        return 3


class Yes:
    def __bool__(self):
        return True

    def __len__(self):
        return 0


class Plain:
    pass


print(bool(Empty()), bool(Full()), bool(Yes()), bool(Plain()), not Empty())
print("yes" if Full() else "no", len([x for x in (Empty(), Full()) if x]))


class BadBool:
    def __bool__(self):
        return 1


class NegLen:
    def __len__(self):
        return -1


class StrLen:
    def __len__(self):
        return "3"


class BigLen:
    def __len__(self):
        return 2 ** 70


for obj in (BadBool(), NegLen(), StrLen(), BigLen()):
    try:
        print(bool(obj))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
for obj in (NegLen(), StrLen(), BigLen()):
    try:
        print(len(obj))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
if BadBool():
    pass
