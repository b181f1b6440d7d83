def safe_div(a: int, b: int):
    try:
        result = a // b
    except ZeroDivisionError:
        print("  cannot divide", a, "by zero")
        return None
    else:
        print("  else branch", result)
        return result
    finally:
        print("  finally for", a, b)


print(safe_div(10, 3))
print(safe_div(1, 0))
items = [1, 2, 3]
d = {"a": 1}
for action in ["index", "key", "value", "type", "ok"]:
    try:
        if action == "index":
            items[10]
        elif action == "key":
            d["missing"]
        elif action == "value":
            int("abc")
        elif action == "type":
            len(5)
        print(action, "no error")
    except IndexError as e:
        print(action, "IndexError:", e)
    except KeyError as e:
        print(action, "KeyError:", e, e.args)
    except (ValueError, TypeError) as e:
        print(action, type(e).__name__, "-", e)
