VALUE = "leaf"
