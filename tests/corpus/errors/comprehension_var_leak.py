squares = [i * i for i in range(5)]
print(squares)
total = 0
for n in squares:
    total += n
print(total, n)
print(i)  # error: undefined-name
