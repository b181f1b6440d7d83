n = 42
f = 3.14159
s = "text"
print("%d" % n)
print("%s" % s)
print("%f" % f)
print("%.2f" % f)
print("%5d|" % n)
print("%-5s|" % "ab")
print("%x %X %o" % (255, 255, 8))
print("%r" % s)
print("100%%" % ())
print("%d %s %f %.2f %5d %-5s| %x %r %%" % (n, s, f, f, 7, "ab", 255, "q"))
print("%s and %s" % ("a", "b"))
print("%s" % [1, 2])
print("%s" % ((1, 2),))
print("value: %d" % 7, "%s!" % "single")
print("%05d|%+d|%+d|% d" % (42, 5, -5, 7))
print("%10.3f|%-10.1f|%e" % (f, f, 12345.678))
print("%s %s %s" % (None, True, 1.5))
print("%c%c" % (72, "i"))
print("%(a)s-%(b)d" % {"a": "x", "b": 3})
print("%3s|%-3s|%.1s" % ("abcd", "a", "xyz"))
table = [("one", 1), ("two", 22), ("three", 333)]
for name, val in table:
    print("%-6s=%4d (%5.1f%%)" % (name, val, val / 3.56))
