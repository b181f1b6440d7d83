def area(w: int, h: int) -> int:
    return w * h


width = 3
height = 4
print(area(width, height))
print(area(width, hieght))  # error: undefined-name
