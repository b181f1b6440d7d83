# Unicode's Final_Sigma context: a capital sigma lowers to 'ς' when a cased letter precedes
# it and none follows, skipping case-ignorable characters (apostrophes, dots, accents).


def lowered(s: str) -> str:
    return s.lower()


cases = ['Σ', 'ΑΣ', 'ΑΣΑ', 'ΑΣ Α', 'ΑΣ.', 'Α.Σ', "Α'Σ", "ΑΣ'Α", 'ΑΣ\u0301', 'Α\u0301Σ',
         '1Σ', ' Σ', 'ΣΣ', 'ΑΣΣ', 'ΑΣ1', 'ΑΣ-Β', 'ΟΔΥΣΣΕΥΣ', 'ΌΣΟΣ ΚΑΙ ΌΣΟΣ']
for c in cases:
    print(repr(c), repr(lowered(c)), repr(c.title()), repr(c.capitalize()),
          repr(c.swapcase()), repr(c.casefold()))

# upper() has no context: both sigmas become 'Σ'.
print('σας'.upper(), 'ς'.upper(), 'ς'.casefold(), 'σ'.title())
words = 'ΟΔΟΣ ΟΔΟΣ, ΟΔΟΣ!'.split()
print([w.lower() for w in words])
