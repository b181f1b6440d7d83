# Ends with an uncaught TypeError: pow() with a modulus requires ints.
print(pow(3, 4, 5), pow(3, -1, 7))
print(pow(3.0, 4, 5))
