__all__ = ["listed", "pow"]

from math import pow


def listed():
    return "listed"


def unlisted():
    return "unlisted"
