# repr() and ascii() of strs with control, format, private-use, unassigned and
# separator characters: exactly the non-printable ones are escaped.

samples = ['plain', 'tab\there', 'nl\n', 'bell\x07', 'del\x7f', 'c1\x85\x9f', 'nbsp\xa0',
           'shy\xad', 'zwsp\u200b', 'lrm\u200e', 'ls\u2028', 'ideo\u3000', 'bom\ufeff',
           'pua\ue000', 'unassigned\u0378', 'new15\U0001e030', 'noncharacter\uffff',
           'emoji😀', 'combining e\u0301', 'cjk中文', "quote'", 'both\'"', 'backslash\\',
           'tag\U000e0041', 'hangul filler\u3164', 'mongolian\u180e']
for s in samples:
    print(repr(s), ascii(s), s.isprintable())
print([chr(c) for c in range(0x370, 0x380)])
print(repr('\U0010ffff'), repr('\U000f0000'), repr('\u0600\u061c\u2066'))
