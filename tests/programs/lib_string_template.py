# string.Template: substitution, the $$ escape, braces, safe_substitute, errors with their
# positions, identifiers, validity and subclasses that change the delimiter or pattern.
import string
from string import Template

t = Template("$who likes ${what}; costs $$5")
print(t.substitute(who="tim", what="kung pao"))
print(t.substitute({"who": "ann", "what": "tea"}, what="rice"))
print(t.safe_substitute(who="bo"))
print(t.get_identifiers(), t.is_valid(), t.template)
print(Template("$a $a ${b}").get_identifiers())
for text in ("$", "ok\n  $1x", "${bad", "a $!"):
    try:
        Template(text).substitute(x=1)
    except ValueError as e:
        print("ValueError:", e)
    print(repr(Template(text).safe_substitute()), Template(text).is_valid())
try:
    Template("$missing").substitute()
except KeyError as e:
    print("KeyError:", e)
print(Template("$x").substitute(x=[1, 2]), Template("$é").safe_substitute())


class Percent(Template):
    delimiter = "%"


class Dotted(Template):
    idpattern = r"[a-z]+\.[a-z]+"


class Braced(Template):
    braceidpattern = r"[a-z ]+"


print(Percent("%x costs %%%y").substitute(x="tea", y=3))
print(Dotted("$a.b and $c").safe_substitute({"a.b": 1}))
print(Braced("${two words} $one").substitute({"two words": 2, "one": 1}))
print(Template.delimiter, Template.flags, Percent.pattern.pattern == Template.pattern.pattern)
print(string.capwords("hello   world"), Template("$Up").substitute(Up=1, up=2))
Template("line\n$").substitute()
