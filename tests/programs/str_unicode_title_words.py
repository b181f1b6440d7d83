# title() and capitalize() on words with apostrophes, digits, titlecase digraphs and
# characters whose titlecase differs from their uppercase.


def show(s: str) -> None:
    print(repr(s), repr(s.title()), repr(s.capitalize()), s.title().istitle())


for s in ["o'neil's café", '3rd place', 'x1y2 z', 'ǆungla ǉubav ǌegoš', 'ǳemal ǲemal Ǳemal',
          'ﬁnal ﬂow', 'ßeta ßETA', 'ᾳ ᾀ ῼ', 'ΣΊΣΥΦΟΣ', 'łódź', 'ĳssel ĲSSEL', 'ŉaxos',
          'hello\tworld\nnew', '', ' ', 'a', 'A', 'ǅ']:
    show(s)
print([w.capitalize() for w in 'ǆ Ǆ ǅ ß ﬁ'.split()])
