# str.format's parsing of a replacement field: brackets in the field name hide '}', ':',
# '!' and '{'; the errors CPython raises for malformed fields.
for f in ["{0[}]}", "{0[}", "{0[a}", "{0[{]}", "{0[:]}", "{0[!]}", "{0[]]}", "{0[x]", "{0:[}", "{0!r:[}", "{0[x]}", "{[x]}", "{0[x][}]}", "{0[x]y}", "{0[x].z}", "{0.a[}", "{0[{}]}"]:
    try: print(repr(f), repr(f.format({"}":5, "{":6, ":":7, "!":8, "":9, "x":1, "{}": 3})))
    except Exception as e: print(repr(f), type(e).__name__, e)
