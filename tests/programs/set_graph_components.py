edges = [(1, 2), (2, 3), (4, 5), (6, 6), (7, 8), (8, 9), (9, 7), (3, 1)]
nodes = set()
adj: dict = {}
for a, b in edges:
    nodes.add(a)
    nodes.add(b)
    adj.setdefault(a, set()).add(b)
    adj.setdefault(b, set()).add(a)
print(sorted(nodes))
remaining = set(nodes)
components = []
while remaining:
    start = min(remaining)
    comp = {start}
    frontier = [start]
    while frontier:
        n = frontier.pop()
        for m in sorted(adj[n]):
            if m not in comp:
                comp.add(m)
                frontier.append(m)
    remaining -= comp
    components.append(sorted(comp))
    print("component", sorted(comp), "left", sorted(remaining))
print(len(components), [len(c) for c in components])
print({n: sorted(adj[n]) for n in sorted(adj)})
