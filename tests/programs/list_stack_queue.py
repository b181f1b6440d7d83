def balanced(s: str) -> bool:
    stack = []
    pairs = {")": "(", "]": "[", "}": "{"}
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return len(stack) == 0


for s in ["()", "([]{})", "(]", "((", "", "{[()()]}", "}"]:
    print(repr(s), balanced(s))
queue = [1]
seen = []
while queue and len(seen) < 12:
    v = queue.pop(0)
    seen.append(v)
    queue.append(v * 2)
    queue.append(v * 2 + 1)
print(seen, len(queue))
rpn = "3 4 + 2 * 7 -".split()
st = []
for tok in rpn:
    if tok in "+-*":
        b = st.pop()
        a = st.pop()
        st.append(a + b if tok == "+" else a - b if tok == "-" else a * b)
    else:
        st.append(int(tok))
    print(tok, st)
