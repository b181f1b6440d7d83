line = "  the quick  brown fox   "
print(line.split())
print(line.split(" "))
print(line.strip().split(" ", 2))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1))
print("".split(), "".split(","), "   ".split(), "x".split("x"))
print("one\ntwo\r\nthree\n".splitlines(), "a\n\nb".splitlines(), "".splitlines())
words = ["alpha", "beta", "gamma"]
print(", ".join(words), "".join(words), "-".join("abc"), " ".join([]))
csv = "name=ann;age=31;city=oslo"
fields = {}
for part in csv.split(";"):
    k, v = part.split("=")
    fields[k] = v
print(fields)
print("1 2 3 4".split(maxsplit=2), "a b c d".rsplit(maxsplit=1))
print("path/to/file.txt".rsplit("/", 1), "key: value: more".split(": ", 1))
