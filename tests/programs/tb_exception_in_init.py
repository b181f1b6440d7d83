class Temperature:
    def __init__(self, celsius):
        if celsius < -273.15:
            raise ValueError("below absolute zero: " + str(celsius))
        self.celsius = celsius

t = Temperature(20)
print(t.celsius)
Temperature(-300)
