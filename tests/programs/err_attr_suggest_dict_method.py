d = {"a": 1, "b": 2}
for k, v in d.items():
    print(k, v)
print(d.itmes())
