# Relative imports: `from . import x`, `from .x import y`, `from .. import z`,
# `from ..pkg import y`, and a relative import in the entry script (no parent package).
from app.core import engine

print(engine.run())
print(engine.helpers_name, engine.shared_value)
import app

print(app.VERSION, app.core.engine is engine)
try:
    from . import nothing
except ImportError as e:
    print(type(e).__name__, e)
try:
    from app.util import too_far
except ImportError as e:
    print(type(e).__name__, e)
