# Caret lines under East Asian wide and fullwidth characters: CPython lays them out in
# display columns (two for 日, 한, Ａ, 😀; one for é and for halfwidth ｱ).
def lookup(table, key):
    return table["日本"] + table[key]["ｘ"]


def outer():
    try:
        s = "한국어 😀 é ｱ" + 1
    except TypeError:
        lookup({"日本": 1, "Ａ": 2}, "Ａ")


outer()
