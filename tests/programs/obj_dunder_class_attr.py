# __class__, __name__, __module__, __qualname__, __bases__ and __mro__ of user classes.
class A:
    pass


class B(A):
    def who(self):
        return self.__class__.__name__


b = B()
print(b.__class__ is B, type(b) is B, b.who(), b.__class__.__mro__)
print(B.__name__, B.__qualname__, B.__module__, A.__module__)
print(B.__bases__, A.__bases__, B.__base__)
print([c.__name__ for c in B.__mro__])
print(isinstance(b, A), issubclass(B, A), issubclass(A, B))
print(B.__class__, type(B), type(type(B)))
print(b.__module__, b.who.__module__)
print(sorted(k for k in vars(B) if not k.startswith("__")))
