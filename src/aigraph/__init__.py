"""aigraph: a knowledge graph of the AI industry, read from Chinese and English reports and news.

    >>> import aigraph
    >>> aigraph.build(["seeds"], "exports")
    >>> g = aigraph.Graph.open("exports")
    >>> print(g.neighbors("DeepSeek"))
"""

from __future__ import annotations

from aigraph.api import Graph, build, diff
from aigraph.errors import AigraphError, AmbiguousEntity, InputError, RefusedQuery, StoreError, UnknownEntity

__version__ = "0.1.0"
__all__ = ["Graph", "build", "diff", "AigraphError", "AmbiguousEntity", "InputError", "RefusedQuery", "StoreError",
           "UnknownEntity", "__version__"]
