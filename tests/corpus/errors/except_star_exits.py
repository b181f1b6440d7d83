def handle(items: list[int]) -> int:
    total = 0
    for i in items:
        try:
            if i < 0:
                raise ExceptionGroup("negative", [ValueError(i)])
        except* ValueError:
            break  # error: invalid-syntax
        except* TypeError:
            for j in range(i):
                if j > 2:
                    break
                continue
            continue  # error: invalid-syntax
        except* KeyError:
            while True:
                return -1  # error: invalid-syntax
        total += i
    return total



try:
    print(handle([1, 2, -3]))
except* ValueError as group:
    print(len(group.exceptions))
