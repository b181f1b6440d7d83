def grade(score: int) -> str:
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    else:
        return "F"


def fizzbuzz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    elif n % 3 == 0:
        return "Fizz"
    elif n % 5 == 0:
        return "Buzz"
    return str(n)


for s in [100, 90, 89, 75, 60, 59, 0, -5]:
    print(s, grade(s))
print(" ".join(fizzbuzz(i) for i in range(1, 31)))
x = 7
kind = "big" if x > 5 else "small"
print(kind, "even" if x % 2 == 0 else "odd", "neg" if x < 0 else "zero" if x == 0 else "pos")
if x:
    print("truthy")
if not x - 7:
    print("x - 7 is falsy")
if 0 < x < 10 and x != 3 or x == 100:
    print("compound ok")
