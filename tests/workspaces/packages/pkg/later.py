print("pkg.later runs")
NAME = "later"
