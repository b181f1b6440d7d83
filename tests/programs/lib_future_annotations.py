from __future__ import annotations

import __future__
from typing import Dict, List, Optional


class Node:
    value: int
    next: Optional[Node] = None
    children: List["Node"]

    def __init__(self, value: int, nxt: Optional[Node] = None) -> None:
        self.value = value
        self.next = nxt


total: Dict[str,int] = {}
pair: tuple[int, ...] | None = None
print(__annotations__)
print(Node.__annotations__)
n = Node(1, Node(2))
print(n.value, n.next.value, n.next.next)
f = __future__.annotations
print(f, f.getOptionalRelease(), f.getMandatoryRelease(), f.compiler_flag)
print(__future__.all_feature_names)
print(__future__.division, __future__.CO_FUTURE_ANNOTATIONS)
print(undefined_name)
