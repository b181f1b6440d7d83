PUSH, LOAD, STORE, ADD, SUB, MUL, JNZ, JMP, PRINT, HALT = range(10)


def run(code: list, nregs: int) -> tuple:
    stack = []
    regs = [0] * nregs
    out = []
    pc = 0
    steps = 0
    while True:
        op = code[pc]
        pc += 1
        steps += 1
        if op == PUSH:
            stack.append(code[pc])
            pc += 1
        elif op == LOAD:
            stack.append(regs[code[pc]])
            pc += 1
        elif op == STORE:
            regs[code[pc]] = stack.pop()
            pc += 1
        elif op == ADD or op == SUB or op == MUL:
            b = stack.pop()
            a = stack.pop()
            if op == ADD:
                stack.append(a + b)
            elif op == SUB:
                stack.append(a - b)
            else:
                stack.append(a * b)
        elif op == JNZ:
            target = code[pc]
            pc += 1
            if stack.pop() != 0:
                pc = target
        elif op == JMP:
            pc = code[pc]
        elif op == PRINT:
            out.append(stack.pop())
        elif op == HALT:
            return out, steps
        else:
            raise ValueError("bad opcode " + str(op))


factorial = [PUSH, 1, STORE, 0, PUSH, 25, STORE, 1,
             LOAD, 0, LOAD, 1, MUL, STORE, 0,
             LOAD, 1, PUSH, 1, SUB, STORE, 1,
             LOAD, 1, JNZ, 8,
             LOAD, 0, PRINT, HALT]
print(run(factorial, 2))
print(run([PUSH, 2, PUSH, 3, ADD, PUSH, 4, MUL, PRINT, HALT], 0))
try:
    run([PUSH, 1, 99], 0)
except ValueError as e:
    print("error:", e)
