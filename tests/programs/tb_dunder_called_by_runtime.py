class Version:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        if other.n < 0:
            raise ValueError("negative version")
        return self.n < other.n

    def __repr__(self):
        return "V" + str(self.n)

print(sorted([Version(2), Version(1)]))
print(sorted([Version(2), Version(-1)]))
