# __del__ may resurrect its object; it is called only once (PEP 442).
saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)
        saved.append(self)


p = Phoenix("p")
p = None
print("saved:", [x.name for x in saved])
saved.clear()
print("cleared again, no second __del__")
q = Phoenix("q")
del q
print(len(saved))
saved.pop()
print("end")
