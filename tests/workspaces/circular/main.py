# A circular import that works: `a` imports `b`, which imports `a` while `a` is still
# running and uses it only later, from functions.
import a

print(a.value(), a.b.value())
print(a.b.partial_seen)
