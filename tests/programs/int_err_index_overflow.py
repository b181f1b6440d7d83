# Ends with an uncaught IndexError: an __index__ result too large for a list index.


class Big:
    def __index__(self):
        return 2**64


items = [1, 2, 3]
print(items[Big() if False else 1])
print(items[Big()])
