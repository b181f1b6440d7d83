# `+=` of a str or tuple with another type raises the same TypeError as `+`.
for a,b in [('s',1),((1,),1),([1],1),(b'x',1),(bytearray(b'x'),1),('s',[1]),([1],(2,))]:
    for op in ('+','+='):
        try:
            x=a if not isinstance(a,(list,bytearray)) else a.copy()
            if op=='+': x = x + b
            else: x += b
            print(op, type(a).__name__, type(b).__name__, 'ok', x)
        except TypeError as e: print(op, type(a).__name__, type(b).__name__, e)
