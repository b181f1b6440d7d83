"""Rebinds `ops.later` before `user` imports it: `user` gets the replacement."""
import ops


def replacement(x):
    return ("replaced early", x)


ops.later = replacement
