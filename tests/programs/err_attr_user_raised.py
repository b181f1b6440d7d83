class Thing:
    def __init__(self):
        self.value = 1

def check(t):
    if t.value < 5:
        raise AttributeError("value")
    return t

check(Thing())
