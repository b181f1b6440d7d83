a = 1
b = 2.5
c = 'c'
x = [1, 2, 3]
y = {'k': 1}
n = 3
s = 'text'
xs = (1, 'two', 3.0)
d = {1: 'one'}
t = (a, b)
i = 0
e = None
def f(p=1, *args, **kw):
    return p
def g(q, r=2):
    yield q
    yield r
class C:
    k = 1
    def __init__(self, v=0):
        self.v = v
    def m(self):
        return self.v
class D(C):
    def m(self):
        return super().m() + 1
class E(Exception):
    pass
if (e := C):
    (f[::-1] in 1e-320 == ('no bytes' != ('a' 'b' for w in g(x)) < (D if 1e400 else i) is not c.__name__) is c[0.0])
    try:
        pass
    except:
        if (e := reversed((g := (n)), *a, {[d, xs, 'a\nb']: (xs if 3. else s)})):
            if E.add():
                try:
                    raise
                    global s
                    pass
                except Exception as e:
                    x = lambda *a, **k: iter(E[b], (lambda p, *, k=2: (t if 1_0.0 else g)), E)
                    pass
                E = [E for E in C if E]
        def h(p={}):
            if (C := f'{ {f, i}!a:, }'):
                @staticmethod
                def g(p, q: None, r, *args):
                    (a.__init__('''tri
ple''', *n) * {255: ('a' 'b' for x in range(f'{ "😀"!a:{n} }{ False=:x }{ .5:>10 }'))})
                def __init__(p: dict[str, int], q, r) -> list[int]:
                    D: str = ([18446744073709551616 for i in range(3) if e] or (yield c))
            if (t := e):
                global D
            global y
            pass
            try:
                s = lambda *a, **k: {}
                D: float = all(*t, **s)
            finally:
                D.attr
                return
def __init__(p, q: list):
    e = s = ((yield 1) and (9223372036854775807 or a))
    while b.k:
        x: list[int] = (('a' 'b' for x in g((7 if 2**63 else xs)) for w in x) and x.__init__((False > c)))
        x = [x for x in g((self)) if x]
    try:
        i = lambda *a, **k: (D := g)
    finally:
        f = xs = 0.0
        def run(p, **kwargs):
            if c:
                from math import sqrt
                b = ord()
                def __init__():
                    g = (yield 7)
                    s = d = n.append(*s)
                    n: 'C' = (E << ('😀'))
                    d, y = (yield x[False:t:NotImplemented])
                    assert ((x := a) for x in g({x: 1_0.0 for x in g(d) for w in x}))
            from math import sqrt
            def __iter__(p, q, r) -> list:
                xs: None
                global f
                set()
    assert ({True: d, 1e-320: g, c: c} > 'a\nb')
def __iter__(p, q=(True < True in 3.)):
    x = [x for x in range(2) if x]
    @staticmethod
    def m(p):
        if (i := -0.0):
            assert y[()]
        print((D[0] if x[1e400] else -140737488355329))
        pass
    D = C = c[2**63:]
pass
for y in range((1.5 & 1e-320)):
    print(['no bytes', a, False, 1e400])
    assert i
    def h(p) -> bool:
        b = lambda *a, **k: ''
        raise
    if (i := (g[e] or f'{{braces}}')):
        break
        for i in i:
            if 'no bytes':
                while E[i:3.:...]:
                    pass
                    global a
                    raise ValueError((D + 2.5e-3))
                    C = -140737488355329
                i = 18446744073709551616
            elif {(18446744073709551616 - '%s-%d' % ('a', 1)), (NotImplemented if c else False), (x @ xs), (True ** ...)}:
                b = c
            else:
                if (D := r'\d+'):
                    xs: str = f[None:C:xs]
            while (-(None == self)):
                from math import sqrt
            try:
                C = [C for C in range(3) if C]
            except ArithmeticError as e:
                C.k = ((f'{{braces}}{ a!s:x }' and n.__name__) or ((00 and d) or __name__))
            finally:
                @staticmethod
                def g(p, q, r=True):
                    assert (lambda *a: 3.)
                    pass
                    import math
                    import sys
                for e in range((lambda p, *, k=2: True)):
                    pass
                    a = d = xs[self:]
            def __init__(p: float, q, r: float=f):
                return
                y = lambda *a, **k: (+y)
        else:
            hash(sorted(*n, ((a and -140737488355329) is not (__name__ if s else False))), (-(xs ** 00)), key=(0o17))
def __iter__(p, q):
    pass
    try:
        f[0o17:]
        def __init__(p: None):
            (lambda : n.__add__())
        import sys
    except ZeroDivisionError:
        if y[::-1]:
            def run(p, *args) -> None:
                g: None = (yield y.m({d[n:] for v in (lambda **kw: {x: a, '\t\x41\u00e9\U0001F600': ..., n: 1e-320}) for w in v}, C))
    except:
        @classmethod
        def run(p):
            s = [s for s in [(t := -140737488355329), (00 for i in 0b101)] if s]
            def __iter__(p):
                if a[n.__class__]:
                    raise ValueError(123456789012345678901234567890)
            if (xs if (b @ b) else map(2)):
                g = lambda *a, **k: (None or 1.5)
                pass
                print()
            else:
                s: None
            try:
                if (d := xs[(x := 3.)]):
                    y, s = {**f, (lambda p: g(n, chr(*y), key=n[0])): (c.keys(f'text ', g.v, **x) >> (xs ** 'a\nb')), (f'{ b!r:.3f }{{braces}}text '): x}
                    assert (lambda *a: f'{ n!s:{n} }'), (s := D)
                D: tuple[int, ...]
            finally:
                assert i.attr
    assert (print((lambda p: -1)) if (d := 140737488355328) else (False or c)), (self + 2.5e-3)
    '\t\x41\u00e9\U0001F600'
pass
'%s-%d' % ('a', 1)
del C
global D
E = 00
assert ('%s-%d' % ('a', 1) // 'é'), (E or 0x7f)
c = ((lambda : (E := 1)) << ([*y, ], f,))
z = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[x for v0 in x] for v1 in x] for v2 in x] for v3 in x] for v4 in x] for v5 in x] for v6 in x] for v7 in x] for v8 in x] for v9 in x] for v10 in x] for v11 in x] for v12 in x] for v13 in x] for v14 in x] for v15 in x] for v16 in x] for v17 in x] for v18 in x] for v19 in x] for v20 in x] for v21 in x] for v22 in x] for v23 in x] for v24 in x] for v25 in x] for v26 in x] for v27 in x] for v28 in x] for v29 in x] for v30 in x] for v31 in x] for v32 in x] for v33 in x] for v34 in x] for v35 in x] for v36 in x] for v37 in x] for v38 in x] for v39 in x] for v40 in x] for v41 in x] for v42 in x] for v43 in x] for v44 in x] for v45 in x] for v46 in x] for v47 in x] for v48 in x] for v49 in x] for v50 in x] for v51 in x] for v52 in x] for v53 in x] for v54 in x] for v55 in x] for v56 in x] for v57 in x] for v58 in x] for v59 in x] for v60 in x] for v61 in x] for v62 in x] for v63 in x] for v64 in x] for v65 in x] for v66 in x] for v67 in x] for v68 in x] for v69 in x] for v70 in x] for v71 in x] for v72 in x] for v73 in x] for v74 in x] for v75 in x] for v76 in x] for v77 in x] for v78 in x] for v79 in x] for v80 in x] for v81 in x] for v82 in x] for v83 in x] for v84 in x] for v85 in x] for v86 in x] for v87 in x] for v88 in x] for v89 in x] for v90 in x] for v91 in x] for v92 in x] for v93 in x] for v94 in x] for v95 in x] for v96 in x] for v97 in x] for v98 in x] for v99 in x] for v100 in x] for v101 in x] for v102 in x] for v103 in x] for v104 in x] for v105 in x] for v106 in x] for v107 in x] for v108 in x] for v109 in x] for v110 in x] for v111 in x] for v112 in x] for v113 in x] for v114 in x] for v115 in x] for v116 in x] for v117 in x] for v118 in x] for v119 in x] for v120 in x] for v121 in x] for v122 in x] for v123 in x] for v124 in x] for v125 in x] for v126 in x] for v127 in x] for v128 in x] for v129 in x] for v130 in x] for v131 in x] for v132 in x] for v133 in x] for v134 in x] for v135 in x] for v136 in x] for v137 in x] for v138 in x] for v139 in x] for v140 in x] for v141 in x] for v142 in x] for v143 in x] for v144 in x] for v145 in x] for v146 in x] for v147 in x] for v148 in x] for v149 in x] for v150 in x] for v151 in x] for v152 in x] for v153 in x] for v154 in x] for v155 in x] for v156 in x] for v157 in x] for v158 in x] for v159 in x] for v160 in x] for v161 in x] for v162 in x] for v163 in x] for v164 in x] for v165 in x] for v166 in x] for v167 in x] for v168 in x] for v169 in x] for v170 in x] for v171 in x] for v172 in x] for v173 in x] for v174 in x] for v175 in x] for v176 in x] for v177 in x] for v178 in x] for v179 in x] for v180 in x] for v181 in x] for v182 in x] for v183 in x] for v184 in x] for v185 in x] for v186 in x] for v187 in x] for v188 in x] for v189 in x] for v190 in x] for v191 in x] for v192 in x] for v193 in x] for v194 in x] for v195 in x] for v196 in x] for v197 in x] for v198 in x]
