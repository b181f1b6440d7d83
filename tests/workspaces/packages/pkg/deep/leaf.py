print("pkg.deep.leaf runs")
VALUE = 42
