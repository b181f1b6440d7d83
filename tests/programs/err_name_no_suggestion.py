def f(a, b):
    return a + b

print(f(1, 2))
print(completely_unrelated_identifier)
