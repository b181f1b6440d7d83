# Errors of class creation with several bases, in CPython's words.
class A: pass
class B(A): pass
class X: pass
class Y: pass
class P(X, Y): pass
class Q(Y, X): pass

def attempt(label, make):
    try:
        make()
        print(label, "ok")
    except TypeError as e:
        print(label, "TypeError:", str(e).replace("\n", " | "))

attempt("A,B", lambda: type("C", (A, B), {}))
attempt("B,A", lambda: print([c.__name__ for c in type("C", (B, A), {}).__mro__]))
attempt("P,Q", lambda: type("R", (P, Q), {}))
attempt("A,A", lambda: type("D", (A, A), {}))
attempt("A,X,A", lambda: type("D", (A, X, A), {}))
attempt("int,str", lambda: type("E", (int, str), {}))
attempt("list,dict", lambda: type("E", (list, dict), {}))
attempt("int,int", lambda: type("E", (int, int), {}))
attempt("int,bool", lambda: type("E", (int, bool), {}))
attempt("A,int", lambda: type("E", (A, int), {}))
attempt("OSError,StopIteration", lambda: type("E", (OSError, StopIteration), {}))
attempt("ValueError,KeyError", lambda: type("E", (ValueError, KeyError), {}))
attempt("A,ValueError", lambda: type("E", (A, ValueError), {}))

class S1:
    __slots__ = ("a",)
class S2:
    __slots__ = ("b",)
class S0:
    __slots__ = ()
attempt("S1,S2", lambda: type("S", (S1, S2), {}))
attempt("S1,S0", lambda: type("S", (S1, S0), {}))
attempt("S1,int", lambda: type("S", (S1, int), {}))
attempt("X,S1", lambda: type("S", (X, S1), {}))

# The class statement raises the same errors.
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("statement:", str(e).replace("\n", " | "))

try:
    class Worse(int, str):
        pass
except TypeError as e:
    print("statement:", e)

# The last one is uncaught: the program ends with CPython's traceback line.
class Final(P, Q):
    pass
