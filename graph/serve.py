"""``graph.serve`` moved to ``graph.endpoint.serve``; this name stays so code that imported it keeps working.

The module object is the same one (not a copy), so attributes read or patched through either name agree.
"""
import sys

from .endpoint import serve as _moved

sys.modules[__name__] = _moved
