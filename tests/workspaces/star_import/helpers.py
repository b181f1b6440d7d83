import math as _math

PUBLIC = "public"
_private = "hidden"


def helper_used_by_double(x):
    return x * 2


def double(x):
    return helper_used_by_double(x)


def square(x):
    return x * x


def pow(a, b):
    return "helpers.pow"
