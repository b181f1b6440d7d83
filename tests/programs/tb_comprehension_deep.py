# A traceback through a comprehension nest deep enough to be compiled as functions: one
# `<listcomp>` frame per level, folded as CPython folds repeated lines.


def boom():
    return [[[[[[[[1 // (x - 1) for x in range(3)] for y in range(1)] for z in range(1)] for w in range(1)]
                for v in range(1)] for u in range(1)] for t in range(1)] for q in range(2)]


print("start")
boom()
