class State:
    def __init__(self):
        self.ready = False

    def run(self):
        if not self.ready:
            raise RuntimeError
        return "ran"


s = State()
s.ready = True
print(s.run())
s.ready = False
print(s.run())
