import operator
from operator import attrgetter, itemgetter, methodcaller


class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.inner = self

    def greet(self, other, punct="!"):
        return "hi " + other + punct


people = [P("cy", 30), P("ann", 25), P("bob", 30)]
print([p.name for p in sorted(people, key=attrgetter("age", "name"))])
print(attrgetter("name")(people[0]), attrgetter("inner.inner.age")(people[1]))
rows = [(1, "b", 3.0), (0, "z", 1.5), (1, "a", 2.0)]
print(sorted(rows, key=itemgetter(0, 1)), itemgetter(1)(rows[0]), itemgetter(slice(1, None))("abc"))
print(methodcaller("greet", "you")(people[0]), methodcaller("greet", "x", punct="?")(people[0]))
print(repr(attrgetter("a", "b.c")), repr(itemgetter(1, "k")), repr(methodcaller("m", 1, k=2)))
print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 2), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-5), operator.abs(-2.5), operator.invert(5))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.lshift(1, 4), operator.rshift(256, 2))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1.0), operator.ne(1, 2), operator.ge(1, 2), operator.gt(3, 2))
print(operator.not_([]), operator.truth("x"), operator.is_(None, None), operator.is_not(1, None))
print(operator.concat([1], [2]), operator.contains("abc", "b"), operator.countOf([1, 2, 1, 1], 1), operator.indexOf("abc", "c"))
d = {"a": 1}
operator.setitem(d, "b", 2)
operator.delitem(d, "a")
print(d, operator.getitem(d, "b"), operator.index(7), operator.length_hint([1, 2, 3]))
acc = [1]
print(operator.iadd(acc, [2]), acc, operator.iadd(1, 2), operator.imul("a", 3), operator.ior({1}, {2}))
print(operator.call(max, 3, 9, 4), operator.__add__(1, 1), operator.__getitem__("xy", 1))
print(type(itemgetter(1)), type(attrgetter("x")).__name__)
try:
    operator.concat(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    itemgetter()
except TypeError as e:
    print("TypeError:", e)
try:
    operator.indexOf([1], 5)
except ValueError as e:
    print("ValueError:", e)
attrgetter(1)
