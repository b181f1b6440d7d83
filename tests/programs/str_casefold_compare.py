# Caseless matching with casefold(): full case folding ('ß' -> 'ss', 'ﬁ' -> 'fi',
# 'ŉ' -> 'ʼn', final sigma -> 'σ'), compared with lower().


def same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


pairs = [('Straße', 'STRASSE'), ('ﬁle', 'FILE'), ('ŉ', 'ʼN'), ('ὈΔΥΣΣΕΎΣ', 'ὀδυσσεύς'),
         ('µ', 'μ'), ('ſ', 's'), ('K', 'k'), ('ﬆ', 'st'), ('ΐ', 'ΐ'), ('abc', 'ABD')]
for a, b in pairs:
    print(a, b, same(a, b), a.lower() == b.lower(), repr(a.casefold()), repr(b.casefold()))

words = ['zebra', 'Äpfel', 'apple', 'Straße', 'strasse', 'ÉCOLE', 'école', 'Zoo']
print(sorted(words, key=str.casefold))
print(sorted(words, key=str.lower))
seen = {}
for w in words:
    seen.setdefault(w.casefold(), []).append(w)
print(seen)
print('ᏸ'.casefold(), 'Ᏸ'.casefold(), 'ǅ'.casefold(), 'ẞ'.casefold(), 'ß'.upper().casefold())
