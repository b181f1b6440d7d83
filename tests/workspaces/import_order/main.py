# Module code runs once, on the first import, in CPython's order; later imports (here, in
# a function, or of a submodule of an imported package) find it in `sys.modules`.
import sys
print("main 1")
import first
print("main 2")
import second
import first


def again():
    import first
    import second as s2
    return first.COUNT, s2.COUNT


print(again(), again())
print(sorted(m for m in sys.modules if m in ("first", "second", "third", "__main__")))
print(sys.modules["first"] is first, sys.modules["__main__"].__name__)
