"""A third module that rebinds names of `ops` and of `user` at run time."""
import ops
import user


def negate(x):
    return -x


def patch_ops():
    ops.inc = negate


def patch_user():
    user.inc = negate


def patch_user_setattr(value):
    setattr(user, "inc", value)


def patch_user_vars(value):
    vars(user)["inc"] = value
