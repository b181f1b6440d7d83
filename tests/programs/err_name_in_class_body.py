base_size = 4

class Grid:
    width = base_size
    print("width", width)
    height = base_sise * 2

print(Grid.width)
