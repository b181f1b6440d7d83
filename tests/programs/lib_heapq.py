import heapq
from heapq import heappop, heappush

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 3]:
    heappush(h, x)
    print(h)
out = []
while h:
    out.append(heappop(h))
print(out)

data = [9, 4, 7, 1, 3, 8, 2, 6, 5, 0]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 4), data)
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 10), data)

tasks = []
for prio, name in [(2, "write"), (1, "plan"), (3, "test"), (1, "coffee")]:
    heappush(tasks, (prio, name))
print([heappop(tasks) for _ in range(4)])

nums = [5, 1, 8, 3, 9, 2, 8]
print(heapq.nsmallest(3, nums), heapq.nlargest(3, nums), heapq.nlargest(1, nums), heapq.nsmallest(0, nums))
print(heapq.nsmallest(2, ["bb", "a", "ccc"], key=len), heapq.nlargest(10, "hello"))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 9])))
print(list(heapq.merge([9, 5, 1], [8, 2], reverse=True)))
print(list(heapq.merge(["x", "bb"], ["a", "ccc"], key=len)), list(heapq.merge()))
try:
    heappop([])
except IndexError as e:
    print("IndexError:", e)
try:
    heapq.heappush((), 1)
except TypeError as e:
    print("TypeError:", e)
heapq.heapreplace([], 1)
