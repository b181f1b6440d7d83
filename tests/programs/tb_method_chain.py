class Parser:
    def __init__(self, text):
        self.text = text

    def tokens(self):
        return self.text.split()

    def numbers(self):
        return [int(t) for t in self.tokens()]

    def total(self):
        return sum(self.numbers())

print(Parser("1 2 3").total())
print(Parser("1 two 3").total())
