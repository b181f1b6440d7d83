counter = 0
events = []
LIMIT = 3


def increment(step=1):
    global counter
    counter += step
    return counter


def record(name):
    events.append(name)


def reset():
    global counter, events
    counter = 0
    events = []


for i in range(5):
    increment()
    if counter > LIMIT:
        record("over at " + str(i))
print(counter, events)

increment(10)
print(counter)
reset()
print(counter, events)
record("fresh")
print(events, increment(2))
