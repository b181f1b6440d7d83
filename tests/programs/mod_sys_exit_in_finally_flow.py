import sys


def run():
    try:
        print("in try")
        sys.exit(3)
    finally:
        print("finally still runs")


try:
    run()
except SystemExit as e:
    print("caught SystemExit with code", e.code)
try:
    sys.exit("msg")
except SystemExit as e:
    print("caught", repr(e.code))
print("now exiting for real")
sys.exit(0)
