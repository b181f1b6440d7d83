students = [
    {"name": "ann", "grade": 88, "age": 20},
    {"name": "bob", "grade": 95, "age": 22},
    {"name": "cy", "grade": 88, "age": 19},
    {"name": "di", "grade": 72, "age": 21},
]
by_grade = sorted(students, key=lambda s: (-s["grade"], s["name"]))
print([s["name"] for s in by_grade])
youngest = min(students, key=lambda s: s["age"])
print(youngest["name"], max(students, key=lambda s: s["grade"])["name"])
handlers = {
    "upper": lambda s: s.upper(),
    "reverse": lambda s: s[::-1],
    "double": lambda s: s * 2,
    "len": lambda s: len(s),
}
for cmd in ["upper", "reverse", "double", "len"]:
    print(cmd, handlers[cmd]("abc"))
scale = 3
scaled = list(map(lambda v: v * scale, [1, 2, 3]))
print(scaled)
print(sorted(range(-5, 6), key=lambda v: (abs(v), v)))
