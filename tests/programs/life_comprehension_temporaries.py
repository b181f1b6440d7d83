# Comprehension results and variables are temporaries released as in CPython.
class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def f():
    names = [C(i).name for i in range(3)]
    print("names", names)
    total = sum(len(str(C(i).name)) for i in range(2))
    print("total", total)
    kept = [C("k" + str(i)) for i in range(2)]
    print("kept", [k.name for k in kept])
    print(len([c for c in (C("x"), C("y"))]))
    print("end of f")


f()
print("done")
