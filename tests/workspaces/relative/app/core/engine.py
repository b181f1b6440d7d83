from . import helpers
from .helpers import double
from ..shared import VALUE as shared_value
from .. import util
from ..util.text import shout

helpers_name = helpers.__name__


def run():
    return shout(str(double(21))) + " " + util.__name__
