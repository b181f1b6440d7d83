# A circular `from a import y` that runs before `a` defined `y`: CPython's ImportError for
# a partially initialized module.
print("main")
import a
