line = "a,b,c"
print(line.split(","))
print(line.split(1))
