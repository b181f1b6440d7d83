# Known divergence (fuzz feature `unicode_case`): special Unicode case mappings.
# title()/capitalize() use the uppercase instead of the titlecase mapping ('ß'.title() is
# 'Ss', 'ǅemal'.title() is 'ǅemal', 'ﬁne'.title() is 'Fine'), casefold() does not fold fully
# ('ŉ' -> 'ʼn', 'ﬁ' -> 'fi', final 'ς' -> 'σ'), the final sigma rule is missing in
# title()/capitalize()/swapcase(), and 'ǅemal'.istitle() is False. CPython 3.11's output:
#   'SS' 'ß' 'ss' 'Ss' 'Ss' 'SS' False False
#   'İSTANBUL' 'i̇stanbul' 'i̇stanbul' 'İstanbul' 'İstanbul' 'i̇STANBUL' True False
#   'ǄEMAL' 'ǆemal' 'ǆemal' 'ǅemal' 'ǅemal' 'ǅEMAL' True False
#   'FINE' 'ﬁne' 'fine' 'Fine' 'Fine' 'FINE' False False
#   'ΣΑΣ' 'σας' 'σασ' 'Σας' 'Σας' 'σας' False True
#   'ʼN' 'ŉ' 'ʼn' 'ʼN' 'ʼN' 'ʼN' False False
#   'STRASSE' 'straße' 'strasse' 'Straße' 'Straße' 'sTRASSE' True False
for s in ['ß', 'İstanbul', 'ǅemal', 'ﬁne', 'ΣΑΣ', 'ŉ', 'Straße']:
    print(repr(s.upper()), repr(s.lower()), repr(s.casefold()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()), s.istitle(), s.isupper())
