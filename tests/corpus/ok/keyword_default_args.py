def power(base: int, exp: int = 2) -> int:
    return base ** exp


def make_tag(name: str, text: str = "", cls: str = "", bold: bool = False) -> str:
    attrs = ""
    if cls:
        attrs = ' class="' + cls + '"'
    inner = "<b>" + text + "</b>" if bold else text
    return "<" + name + attrs + ">" + inner + "</" + name + ">"


def append_to(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


def shared_default(item, target=[]):
    target.append(item)
    return target


print(power(3), power(2, 10), power(exp=3, base=4), power(5, exp=0))
print(make_tag("p"))
print(make_tag("p", "hi"))
print(make_tag("div", cls="box", text="x"))
print(make_tag("span", "y", bold=True))
print(append_to(1), append_to(2), append_to(3, [0]))
print(shared_default(1), shared_default(2))
print(sorted([3, 1, 2], reverse=True), print("side effect", end="!\n"))
print("a", "b", "c", sep="-")
print("no newline", end="")
print(" continued")
