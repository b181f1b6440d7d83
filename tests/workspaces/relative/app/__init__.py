VERSION = "1.0"
from . import shared
