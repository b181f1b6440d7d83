class Animal:
    sound = "..."

    def __init__(self, name: str):
        self.name = name
        self.legs = 4

    def speak(self) -> str:
        return f"{self.name} says {self.sound}"

    def describe(self):
        return f"{type(self).__name__}({self.name}, legs={self.legs})"


class Dog(Animal):
    sound = "woof"

    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def speak(self):
        return super().speak() + "!"


class Bird(Animal):
    sound = "tweet"

    def __init__(self, name):
        super().__init__(name)
        self.legs = 2

    def fly(self):
        return self.name + " flies"


class Puppy(Dog):
    def speak(self):
        return "small " + super().speak()


zoo = [Animal("generic"), Dog("rex", "lab"), Bird("tweety"), Puppy("bit", "pug")]
for a in zoo:
    print(a.speak(), "|", a.describe())
print(isinstance(zoo[3], Dog), isinstance(zoo[3], Animal), isinstance(zoo[2], Dog))
print(issubclass(Puppy, Animal), issubclass(Bird, Dog), issubclass(Dog, Dog), issubclass(bool, int))
print(zoo[1].breed, zoo[2].fly(), zoo[3].breed, Puppy.sound)
print(isinstance(3, int), isinstance(True, int), isinstance(3.0, (int, float)), isinstance("s", (int, list)))
print(type(zoo[3]).__name__, type(3).__name__, type("").__name__, type(None).__name__, type([]).__name__, type({}).__name__)
