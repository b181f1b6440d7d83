# The time module's clocks: result types, units, how they relate, sleep.
import time

t = time.time()
tn = time.time_ns()
print(type(t).__name__, type(tn).__name__)
print(t > 1.7e9, tn > 1_700_000_000 * 10**9)
print(abs(tn / 1e9 - t) < 5.0)

for name in ["perf_counter", "monotonic", "process_time"]:
    f = getattr(time, name)
    g = getattr(time, name + "_ns")
    a = f()
    b = g()
    c = f()
    d = g()
    print(name, type(a).__name__, type(b).__name__, a >= 0, b >= 0, c >= a, d >= b)

# CPU time grows with work and is in seconds (not nanoseconds).
p0 = time.process_time()
total = 0
for i in range(300000):
    total += i * i
p1 = time.process_time()
print(total, p1 >= p0, p1 - p0 < 60)

# sleep waits at least about as long as asked; negative lengths are rejected.
s0 = time.monotonic()
time.sleep(0.05)
s1 = time.monotonic()
print(s1 - s0 >= 0.04)
w0 = time.perf_counter_ns()
time.sleep(0)
print(time.perf_counter_ns() >= w0)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError", e)
try:
    time.time(1)
except TypeError as e:
    print("TypeError", e)

# CPython's argument errors, and sleep's conversions.
for f, a in [(time.sleep, ()), (time.sleep, (1, 2)), (time.monotonic, (1,)),
             (time.time_ns, (1,)), (time.perf_counter, (1,)), (time.process_time_ns, (1,)),
             (time.monotonic_ns, (1,)), (time.perf_counter_ns, (1,)), (time.process_time, (1,))]:
    try:
        f(*a)
    except TypeError as e:
        print("TypeError", e)
try:
    time.sleep(secs=1)
except TypeError as e:
    print("TypeError", e)


class Idx:
    def __index__(self):
        return 0


class Flt(float):
    pass


class HasFloat:
    def __float__(self):
        return 0.0


time.sleep(Idx())
time.sleep(Flt(0.001))
time.sleep(False)
print("slept on __index__, a float subclass and a bool")
for bad in [HasFloat(), None, "1", float("nan"), float("inf"), -float("inf"), 1e300,
            10**19, 10**30, -1.5, -3, Flt(-1.0)]:
    try:
        time.sleep(bad)
        print("no error for", bad)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
