# upper/lower/title/capitalize/swapcase across scripts (Latin, Greek, Cyrillic, Armenian,
# Georgian, Cherokee, Deseret), with characters whose mapping changes the length.


def show(s: str) -> None:
    print(s, '|', s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(),
          len(s), len(s.upper()), len(s.lower()))


for word in ['hello World', 'ÀÉÎÕÜ àéîõü', 'ÿ Ÿ', 'straße', 'ǉuto Ǌu ǈa',
             'αβγ ΑΒΓ', 'ΰ ΐ', 'привет МИР', 'ԱԲԳ աբգ', 'ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ', 'ﬓ ﬔ',
             'ᏸᏹ ᏰᏱ', '𐐨𐐩 𐐀𐐁', 'ǰ ẖ ẗ ẘ ẙ ẚ', 'ᾀ ᾈ ᾳ ῳ ῼ', 'ǅ', 'Ⅻ ⅻ ⓐ Ⓐ']:
    show(word)

# Characters with no case stay as they are.
print('123 !? 中文 ☃'.upper(), '123 !? 中文 ☃'.lower(), '中文'.title())
# Dotted and dotless i: unconditional mappings only (no Turkish locale).
print('İı'.lower(), len('İ'.lower()), 'İı'.upper(), 'iI'.swapcase())
# The Kelvin and Angstrom signs lower to ASCII k and å.
print('\u212a\u212b'.lower(), '\u212a'.casefold() == 'k')
