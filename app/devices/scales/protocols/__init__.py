"""Scale protocols keyed by the ``protocol=`` name of a scale URI."""
from __future__ import annotations

from . import cas, cas_stream, hidpos, massak100, massakj, shtrih, sics, toledo8217
from .base import ScaleProtocol, Splitter

PROTOCOLS: dict[str, ScaleProtocol] = {
    module.PROTOCOL.name: module.PROTOCOL
    for module in (hidpos, sics, toledo8217, cas, cas_stream, massak100, massakj, shtrih)
}

__all__ = ["PROTOCOLS", "ScaleProtocol", "Splitter"]
