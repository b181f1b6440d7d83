print("pkg/__init__ runs:", __name__, __package__)
INIT_VALUE = 7
