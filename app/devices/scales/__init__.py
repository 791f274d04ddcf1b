"""Scales: protocols (pure parsers), transports (byte pipes) and the ``ScaleReader`` worker.

    reader = open_scale("serial:/dev/ttyUSB0?protocol=massak100").start()
    reading = reader.read_stable(timeout=5)   # Reading(grams=742.0, state="stable", ...)
    reader.stop()
"""
from .errors import ScaleError, ScaleTimeout, ScaleUnavailable, TransportLost, WrongThread
from .factory import open_scale, parcel_offset_pct, parse_scale_uri
from .protocols import PROTOCOLS, ScaleProtocol
from .reader import ScaleReader
from .reading import Reading, format_grams, to_grams
from .transports.sim import SimulatedScale

__all__ = [
    "PROTOCOLS", "Reading", "ScaleError", "ScaleProtocol", "ScaleReader", "ScaleTimeout",
    "ScaleUnavailable", "SimulatedScale", "TransportLost", "WrongThread", "format_grams",
    "open_scale", "parcel_offset_pct", "parse_scale_uri", "to_grams",
]
