from .. import VERSION
print("app.core sees version", VERSION)
