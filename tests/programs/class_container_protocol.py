class Deck:
    def __init__(self, cards: list):
        self.cards = list(cards)

    def __len__(self) -> int:
        return len(self.cards)

    def __getitem__(self, i):
        return self.cards[i]

    def __contains__(self, card) -> bool:
        print("  (contains check)", card)
        return card in self.cards

    def __iter__(self):
        for c in self.cards:
            yield c

    def __bool__(self):
        return len(self.cards) > 0


d = Deck(["A", "K", "Q", "J", "10"])
print(len(d), d[0], d[-1], d[1:3])
print("Q" in d, "2" in d, "2" not in d)
for card in d:
    print(card, end=" ")
print()
print(list(d), sorted(d), [c.lower() for c in d], "-".join(d))
print(bool(d), bool(Deck([])), "nonempty" if d else "empty")
empty = Deck([])
if not empty:
    print("empty deck is falsy", len(empty))
a, b, *rest = d
print(a, b, rest, max(d, key=len), next(enumerate(d)))
