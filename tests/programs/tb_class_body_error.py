print("defining")

class Settings:
    names = ["a", "b"]
    count = len(names)
    ratio = count / (count - 2)

print(Settings.ratio)
