PUSH, ADD, SUB, MUL, DUP, JNZ, POP, SWAP, HALT = range(9)


def run(program: list) -> tuple:
    stack = []
    pc = 0
    steps = 0
    while True:
        op = program[pc]
        steps += 1
        if op == PUSH:
            stack.append(program[pc + 1])
            pc += 2
        elif op == ADD:
            b = stack.pop()
            stack.append(stack.pop() + b)
            pc += 1
        elif op == SUB:
            b = stack.pop()
            stack.append(stack.pop() - b)
            pc += 1
        elif op == MUL:
            b = stack.pop()
            stack.append(stack.pop() * b % 1000003)
            pc += 1
        elif op == DUP:
            stack.append(stack[-1])
            pc += 1
        elif op == SWAP:
            stack[-1], stack[-2] = stack[-2], stack[-1]
            pc += 1
        elif op == POP:
            stack.pop()
            pc += 1
        elif op == JNZ:
            if stack.pop() != 0:
                pc = program[pc + 1]
            else:
                pc += 2
        else:
            return stack, steps


# acc = 1; n = 100000; loop: acc = acc * 3 % p; n -= 1; while n
prog = [PUSH, 1, PUSH, 100000,
        SWAP, PUSH, 3, MUL, SWAP, PUSH, 1, SUB, DUP, JNZ, 4,
        POP, HALT]
stack, steps = run(prog)
print("result", stack, "steps", steps)
print(pow(3, 100000, 1000003))
