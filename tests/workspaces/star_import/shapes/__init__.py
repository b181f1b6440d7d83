from .base import *
from .circle import Circle

__all__ = ["Square", "Circle"]
