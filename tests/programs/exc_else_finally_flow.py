def attempt(n: int) -> str:
    steps = []
    try:
        steps.append("try")
        if n == 1:
            raise ValueError("one")
        if n == 2:
            raise TypeError("two")
        steps.append("try-end")
    except ValueError:
        steps.append("except-value")
    except TypeError:
        steps.append("except-type")
        return "/".join(steps) + " (returned from except)"
    else:
        steps.append("else")
    finally:
        steps.append("finally")
        print("  finally sees", steps)
    steps.append("after")
    return "/".join(steps)


for n in range(3):
    print(n, attempt(n))


def loop_with_try():
    total = 0
    for i in range(6):
        try:
            if i % 2:
                raise RuntimeError(i)
            total += i
        except RuntimeError as e:
            total += 100
            print("err", e.args[0])
            continue
        finally:
            total += 1000
    return total


print(loop_with_try())
