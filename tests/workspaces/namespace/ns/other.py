VALUE = "other"
