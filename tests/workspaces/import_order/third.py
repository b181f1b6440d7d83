print("third runs")
NAME = "third"
