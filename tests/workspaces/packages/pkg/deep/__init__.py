print("pkg.deep runs")
