def find(xs, target):
    for x in xs:
        if x == target:
            return x
    return None

found = find([1, 2, 3], 7)
print(found)
print(found.value)
