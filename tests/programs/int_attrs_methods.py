# The attributes and methods of int and bool values: real/imag/numerator/denominator,
# conjugate, bit_length, bit_count, as_integer_ratio, is_integer, __round__ and friends.


def describe(n: int) -> tuple:
    return (n.real, n.imag, n.numerator, n.denominator, n.conjugate(), n.bit_length(),
            n.bit_count(), n.as_integer_ratio())


for n in [0, 1, -1, 255, -256, 2**47, 2**63, -2**100 + 1, True, False]:
    print(n, describe(n))
print((5).is_integer() if hasattr(5, 'is_integer') else 'no is_integer')
print((1234).__round__(-2), (1250).__round__(-2), (1350).__round__(-2), (-1250).__round__(-2))
print((15).__round__(-1), (25).__round__(-1), (5).__round__(0), (5).__round__())
print(round(1234567, -3), round(-55, -1), round(65, -1), round(2**70 + 5, -1))
print((7).__trunc__(), (7).__floor__(), (-7).__ceil__(), type((True).__trunc__()).__name__)
print(type((True).real).__name__, type((True).numerator).__name__, (True).denominator)
print(int.bit_length(1023), int.bit_count(-7), int.conjugate(4))
x = 10
print(x.real is x, (2**80).numerator == 2**80)
