# A small interpreter: a stack machine dispatch loop.
def execute(code, n: int) -> int:
    acc = 0
    for _ in range(n):
        pc = 0
        stack = []
        while pc < len(code):
            op, arg = code[pc]
            if op == 0:
                stack.append(arg)
            elif op == 1:
                b = stack.pop()
                a = stack.pop()
                stack.append(a + b)
            elif op == 2:
                b = stack.pop()
                a = stack.pop()
                stack.append(a * b)
            elif op == 3:
                acc += stack.pop()
            pc += 1
    return acc


program = [(0, 2), (0, 3), (1, 0), (0, 4), (2, 0), (3, 0), (0, 7), (3, 0)]
print(execute(program, 1_000_000))
