name = "widget"
count = 7
price = 3.14159
print("%s" % name)
print("%d items" % count)
print("%s costs %.2f" % (name, price))
print("%5d|%-5d|%05d" % (count, count, count))
print("%x %X %o %e" % (255, 255, 8, 12345.678))
print("%10.3f|%-10s|%r" % (price, name, name))
print("100%% done, %s" % "ok")
print("%c%c" % (72, "i"))
print("%+d %+d" % (5, -5))
rows = [("alpha", 1, 0.5), ("beta", 22, 12.25), ("gamma", 333, 100.0)]
for label, n, v in rows:
    print("%-8s %4d %8.3f" % (label, n, v))
print("%s and %s" % ([1, 2], (3, 4)))
print("%(a)s-%(b)d" % {"a": "x", "b": 9})
print("%g %g %g" % (0.0001, 1e20, 2.5))
