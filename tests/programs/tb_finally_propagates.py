def work(items):
    try:
        for it in items:
            print(100 // it)
    finally:
        print("cleanup done")

work([5, 0, 1])
