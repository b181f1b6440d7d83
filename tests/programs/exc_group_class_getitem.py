# ExceptionGroup[...] and BaseExceptionGroup[...] are types.GenericAlias objects (PEP 585),
# as are list[...], enumerate[...] and the other builtin generic classes; other exception
# classes are not subscriptable.


def describe(alias):
    print(alias, repr(alias), type(alias).__name__, alias.__origin__, alias.__args__,
          alias.__parameters__)


describe(ExceptionGroup[int])
describe(BaseExceptionGroup[int])
describe(ExceptionGroup[ValueError, KeyError])
describe(BaseExceptionGroup[ExceptionGroup[OSError]])
describe(enumerate[str])


class MyGroup(ExceptionGroup):
    pass


describe(MyGroup[ValueError])
print("__class_getitem__" in BaseExceptionGroup.__dict__,
      "__class_getitem__" in ExceptionGroup.__dict__)
print(ExceptionGroup.__class_getitem__(int), ExceptionGroup.__class_getitem__.__name__)
print(ExceptionGroup("m", [ValueError(1)]).__class_getitem__(TypeError))
print(ExceptionGroup[int] == ExceptionGroup[int], ExceptionGroup[int] == BaseExceptionGroup[int])
print(hash(ExceptionGroup[int]) == hash(ExceptionGroup[int]))
print(ExceptionGroup[int] | None)

g = ExceptionGroup[ValueError]("built through the alias", [ValueError(1)])
print(type(g).__name__, g, g.exceptions)
try:
    raise ExceptionGroup[ValueError]("raised", [ValueError(2)])
except* ValueError as eg:
    print("caught", repr(eg))

for cls in (ValueError, BaseException, Exception):
    try:
        cls[int]
    except TypeError as e:
        print(type(e).__name__, e)
try:
    isinstance(g, ExceptionGroup[ValueError])
except TypeError as e:
    print(type(e).__name__, e)
