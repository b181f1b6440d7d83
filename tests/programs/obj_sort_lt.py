# sorted/min/max/list.sort use __lt__ only.
class Task:
    def __init__(self, prio: int, name: str) -> None:
        self.prio, self.name = prio, name

    def __lt__(self, other):
        return self.prio < other.prio

    def __repr__(self):
        return f"Task({self.prio}, {self.name!r})"


tasks = [Task(3, "c"), Task(1, "a"), Task(2, "b"), Task(1, "a2")]
print(sorted(tasks))
print(sorted(tasks, reverse=True))
print(min(tasks), max(tasks))
tasks.sort()
print(tasks)
print(Task(1, "x") > Task(0, "y"))


class NoOrder:
    pass


try:
    sorted([NoOrder(), NoOrder()])
except TypeError as e:
    print("TypeError:", e)
try:
    max([Task(1, "a"), 3])
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
