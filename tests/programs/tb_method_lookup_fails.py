class Queue:
    def __init__(self):
        self.items = []

    def put(self, x):
        self.items.append(x)

q = Queue()
q.put(1)
print(q.items)
q.push(2)
