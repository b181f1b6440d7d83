# A NameError suggestion among equally close locals: CPython searches co_varnames, whose
# order is that of the first load or store the compiler emits (here kb before ka).


def f(flag: bool):
    if flag:
        print(kb)
    ka = 1
    kb = 2
    print(ka, kb)
    if not flag:
        return kc
    return 0


print(f(False))
