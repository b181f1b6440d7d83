# Graphs: a dict of adjacency lists, breadth-first search and Dijkstra with heapq.
import heapq
from collections import deque


def make_graph(n: int, degree: int, seed: int) -> dict[int, list[tuple[int, int]]]:
    graph: dict[int, list[tuple[int, int]]] = {v: [] for v in range(n)}
    for v in range(n):
        for _ in range(degree):
            seed = (seed * 1103515245 + 12345) % 2147483648
            w = (v + 1 + seed % 50) % n if seed % 4 else seed % n
            weight = 1 + (seed >> 8) % 100
            graph[v].append((w, weight))
            graph[w].append((v, weight))
    return graph


def bfs(graph: dict[int, list[tuple[int, int]]], start: int) -> dict[int, int]:
    depth = {start: 0}
    queue = deque([start])
    while queue:
        v = queue.popleft()
        d = depth[v] + 1
        for w, _ in graph[v]:
            if w not in depth:
                depth[w] = d
                queue.append(w)
    return depth


def dijkstra(graph: dict[int, list[tuple[int, int]]], source: int) -> dict[int, int]:
    dist = {source: 0}
    heap = [(0, source)]
    done: set[int] = set()
    while heap:
        d, v = heapq.heappop(heap)
        if v in done:
            continue
        done.add(v)
        for w, weight in graph[v]:
            nd = d + weight
            if nd < dist.get(w, 1 << 60):
                dist[w] = nd
                heapq.heappush(heap, (nd, w))
    return dist


graph = make_graph(40_000, 3, 99)
levels = bfs(graph, 0)
print("bfs", len(levels), max(levels.values()), sum(levels.values()))
for source in (0, 4_321, 17_777):
    dist = dijkstra(graph, source)
    far = max(dist, key=lambda v: (dist[v], v))
    print("dijkstra", source, len(dist), sum(dist.values()), far, dist[far])
