def group_by_length(words: list) -> dict:
    groups = {}
    for w in words:
        groups.setdefault(len(w), []).append(w)
    return groups


words = "the quick brown fox jumps over the lazy dog again and again".split()
g = group_by_length(words)
print(g)
for k in sorted(g):
    print(k, sorted(set(g[k])))
index = {}
for i, w in enumerate(words):
    if w not in index:
        index[w] = []
    index[w].append(i)
print(index)
print({k: len(v) for k, v in index.items() if len(v) > 1})
adj = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": [], "e": ["a"]}
order = []
stack = ["a"]
visited = set()
while stack:
    node = stack.pop()
    if node in visited:
        continue
    visited.add(node)
    order.append(node)
    for nb in reversed(adj[node]):
        stack.append(nb)
print(order, sorted(visited))
