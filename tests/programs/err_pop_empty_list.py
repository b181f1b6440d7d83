stack = [1, 2]
stack.append(3)
print("stack", stack)
popped = 0
while True:
    top = stack.pop()
    popped += 1
    print("popped", top, "left", stack, "count", popped)
print("unreachable")
print(popped)
