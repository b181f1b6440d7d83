counter = 0

def bump():
    print("bumping")
    counter += 1
    return counter

bump()
