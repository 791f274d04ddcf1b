"""Ozon Seller API client: typed models, typed errors, pacing. See :mod:`.client`."""
from .client import OzonClient
from .errors import (
    OzonAuthError,
    OzonBadResponse,
    OzonBusinessError,
    OzonConfigError,
    OzonError,
    OzonLabelNotReady,
    OzonNotFound,
    OzonRateLimited,
    OzonTransportError,
)
from .ratelimit import RateLimiter

__all__ = [
    "OzonClient",
    "RateLimiter",
    "OzonError",
    "OzonConfigError",
    "OzonAuthError",
    "OzonRateLimited",
    "OzonBusinessError",
    "OzonNotFound",
    "OzonLabelNotReady",
    "OzonTransportError",
    "OzonBadResponse",
]
