# istitle/isupper/islower with titlecase letters (ǅ), uncased characters and digits, and
# title() making strings for which istitle() holds.

for s in ['Hello World', 'Hello world', 'HELLO', 'hello', 'ǅemal', 'ǄEMAL', 'ǆemal', 'ǅ',
          'A1b', 'A1B', '1A', 'Σας', 'ΣΑΣ', 'Ⅻ', 'ⅻ', 'ᾈ', 'ᾀ', 'ᾼ', '', '123', 'A_b', "They'Re",
          'Ünïcödé Wörds', 'ß', 'ẞ', 'ª', 'ʰ']:
    print(repr(s), s.istitle(), s.isupper(), s.islower(), repr(s.title()),
          s.title().istitle())


def headline(text: str) -> str:
    return ' '.join(w.capitalize() for w in text.split())


print(headline("they're ǆoking about ǳ and ßpeed"))
print("they're bill's friends".title())
