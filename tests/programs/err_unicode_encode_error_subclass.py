# An uncaught subclass of UnicodeEncodeError whose fields were changed after construction:
# the traceback's last line is str() of the changed fields.


class PolicyError(UnicodeEncodeError):
    pass


def encode_all(words):
    out = []
    for w in words:
        try:
            out.append(w.encode("ascii"))
        except UnicodeEncodeError as e:
            err = PolicyError(e.encoding, e.object, e.start, e.end, e.reason)
            err.reason = "blocked by policy"
            err.end = len(e.object)
            raise err from e
    return out


print(encode_all(["alpha", "beta"]))
encode_all(["gamma", "\u03b4elta"])
