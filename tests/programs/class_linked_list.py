class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0

    def push(self, value) -> None:
        self.head = Node(value, self.head)
        self.size += 1

    def reverse(self):
        prev = None
        cur = self.head
        while cur is not None:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev

    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next

    def __len__(self):
        return self.size

    def __repr__(self):
        return " -> ".join(str(v) for v in self) or "<empty>"


ll = LinkedList()
print(ll, len(ll))
for i in range(6):
    ll.push(i * 10)
    print(ll)
ll.reverse()
print(ll, len(ll), sum(ll), list(ll)[2])
ll.reverse()
print([v for v in ll if v > 20])
