print("fragile runs")
ratio = 1 / 0
