threshold = 10
limit_value = 20

def check(x):
    print("checking", x)
    return x < treshold

print(check(5) if False else "ok")
check(3)
