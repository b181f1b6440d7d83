# str.isidentifier: XID_Start or '_' first, then XID_Continue (Unicode 14.0).

names = ['x', '_', '_x1', '1x', 'x-y', '', 'café', 'λ', 'Σx', 'x²', '²x', '℘', '℮x',
         'x·y', '·x', 'ゝ', 'a\u0301', '\u0301a', '𝔘𝔫𝔦', 'x y', 'ℕ', 'ⅈ', 'ﬁ', 'x\u200d',
         'if', 'None', 'ª', 'x\u00b7', '𞥐', '٣x', 'x٣', '$x', 'x!']
for n in names:
    print(repr(n), n.isidentifier())


def valid(names: list) -> list:
    return [n for n in names if n.isidentifier()]


print(valid(['a', 'b c', 'c_d', '9e']))
print(sum(1 for n in names if n.isidentifier()), len(names))
