# Full Unicode case mappings (Unicode 14.0, CPython 3.11): special casing that changes the
# length ('ß' -> 'SS'), titlecase digraphs, the final sigma rule, full case folding.
# Was the fuzzer's known divergence `unicode_case`.
for s in ['ß', 'İstanbul', 'ǅemal', 'ﬁne', 'ΣΑΣ', 'ŉ', 'Straße']:
    print(repr(s.upper()), repr(s.lower()), repr(s.casefold()), repr(s.title()),
          repr(s.capitalize()), repr(s.swapcase()), s.istitle(), s.isupper())

# Final sigma: a cased letter before, none after, skipping case-ignorable characters.
for s in ['ΟΔΟΣ', 'ΟΔΟΣ.', "ΟΔΟΣ'Α", 'Σ', 'ΑΣ Β', 'Α.Σ', 'ΣΑ', 'Α\u0301Σ\u0301']:
    print(repr(s), repr(s.lower()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()))


def fold_equal(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


print(fold_equal('Straße', 'STRASSE'), fold_equal('ﬁ', 'FI'), fold_equal('µ', 'Μ'))
print([c.title() for c in 'ǆǅǄ'], [c.upper() for c in 'ǆǅǄ'], [c.lower() for c in 'ǆǅǄ'])
print('ǆ'.istitle(), 'ǅ'.istitle(), 'Ǆ'.istitle(), 'ǅ'.isupper(), 'ǅ'.islower())
print('ΐ'.upper(), len('ΐ'.upper()), 'ﬀ'.upper(), 'ﬃ'.title(), 'ᾳ'.upper(), 'ᾳ'.title())
print('İ'.lower(), len('İ'.lower()), 'ı'.upper(), 'ſ'.upper(), 'ſ'.casefold())
words = 'hello wORLD ǳ ßtraße 3rd ǉubljana'.split()
print([w.title() for w in words], [w.capitalize() for w in words])
print('ᏸ'.upper(), 'Ᏸ'.lower(), 'Ᏸ'.casefold())
