"""Typed errors of the Ozon client, and the mapping from an error response to them.

Every error the client raises is an :class:`OzonError`. ``code`` is a short, stable,
human-oriented string ("auth", "rate_limited", ...) that callers may show or switch on;
``maybe_applied`` tells the caller whether a request that failed may nevertheless have been
carried out by Ozon (then the outcome must be read back, never blindly repeated).
Messages never contain the API key: the client redacts every text before it gets here.
"""
from __future__ import annotations

import re

__all__ = [
    "OzonError",
    "OzonConfigError",
    "OzonAuthError",
    "OzonRateLimited",
    "OzonBusinessError",
    "OzonNotFound",
    "OzonLabelNotReady",
    "OzonTransportError",
    "OzonBadResponse",
    "error_from_response",
    "is_throttle_message",
    "is_not_ready_message",
    "ozon_message",
]


class OzonError(Exception):
    """Base of every error raised by the Ozon client."""

    code = "ozon_error"

    def __init__(self, message: str, *, endpoint: str | None = None, maybe_applied: bool = False):
        super().__init__(message)
        self.message = message
        self.endpoint = endpoint
        self.maybe_applied = maybe_applied


class OzonConfigError(OzonError):
    """The client was given settings it cannot work with (bad base URL, empty key, ...)."""

    code = "config"


class OzonAuthError(OzonError):
    """401/403 or an Api-Key complaint: invalid/deactivated key, missing role, IP restriction."""

    code = "auth"

    def __init__(self, message: str, *, endpoint: str | None = None, http_status: int | None = None):
        super().__init__(message, endpoint=endpoint)
        self.http_status = http_status


class OzonRateLimited(OzonError):
    """Ozon kept answering 429 (or "Circle is open") after all retries."""

    code = "rate_limited"

    def __init__(self, message: str, *, endpoint: str | None = None, retry_after: float | None = None):
        super().__init__(message, endpoint=endpoint)
        self.retry_after = retry_after


class OzonBusinessError(OzonError):
    """Ozon refused the request for a domain reason; ``ozon_code`` is e.g. POSTING_ALREADY_SHIPPED."""

    code = "business"

    def __init__(self, message: str, *, endpoint: str | None = None, ozon_code: str, http_status: int):
        super().__init__(message, endpoint=endpoint)
        self.ozon_code = ozon_code
        self.http_status = http_status


class OzonNotFound(OzonError):
    """404, or Ozon's POSTING_NOT_FOUND (not an OzonBusinessError: callers tell the two apart)."""

    code = "not_found"

    def __init__(self, message: str, *, endpoint: str | None = None, ozon_code: str, http_status: int):
        super().__init__(message, endpoint=endpoint)
        self.ozon_code = ozon_code
        self.http_status = http_status


class OzonLabelNotReady(OzonBusinessError):
    """"The next postings aren't ready": the label can be fetched later (45–60 s after ship)."""

    code = "label_not_ready"


class OzonTransportError(OzonError):
    """Timeout, refused/reset connection, or 5xx after retries.

    ``maybe_applied`` is True when the request may have reached Ozon and been carried out
    (read timeout, reset after sending, 5xx); False when it surely was not sent (connect error).
    """

    code = "transport"


class OzonBadResponse(OzonError):
    """The answer was not JSON, not a PDF, or not shaped as documented."""

    code = "bad_response"


# An Ozon business code: an upper-case identifier such as POSTING_ALREADY_SHIPPED.
_CODE_RE = re.compile(r"\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b")
_WHOLE_CODE_RE = re.compile(r"[A-Z][A-Z0-9_]+")
_AUTH_PHRASES = (
    "invalid api-key",
    "api-key is deactivated",
    "api-key is missing a required role",
    "api-key is restricted",
    "offer not signed",
)
_LABEL_NOT_READY_RE = re.compile(r"(aren'?t|are not|not) ready", re.IGNORECASE)
_THROTTLE_PHRASES = ("circle is open", "request rate limit")


def ozon_message(body: object) -> str:
    """The human text of an Ozon error body ``{"code": int, "message": str, "details": [...]}``."""
    if isinstance(body, dict):
        message = body.get("message")
        if isinstance(message, str) and message.strip():
            return message.strip()
        error = body.get("error")
        if isinstance(error, dict):
            return ozon_message(error)
        if isinstance(error, str) and error.strip():
            return error.strip()
    if isinstance(body, str):
        return body.strip()[:300]
    return ""


def is_throttle_message(message: str) -> bool:
    """True for the texts Ozon sends when it sheds load (any HTTP status)."""
    lowered = message.lower()
    return any(phrase in lowered for phrase in _THROTTLE_PHRASES)


def is_not_ready_message(message: str) -> bool:
    """True for Ozon's "The next postings aren't ready" (a label asked for too early)."""
    return bool(_LABEL_NOT_READY_RE.search(message))


def _business_code(message: str, status: int) -> str:
    if _WHOLE_CODE_RE.fullmatch(message):
        return message
    match = _CODE_RE.search(message)
    if match:
        return match.group(1)
    return message or f"HTTP_{status}"


def error_from_response(endpoint: str, status: int, body: object, *, label: bool = False) -> OzonError:
    """Map a final (non-retried) 4xx error response to a typed error.

    ``body`` is the decoded JSON body, or the (redacted) text when it was not JSON.
    ``label`` marks the label endpoint, where "aren't ready" has its own error type.
    """
    message = ozon_message(body)
    shown = message or f"HTTP {status}"
    lowered = message.lower()
    if status in (401, 403) or any(phrase in lowered for phrase in _AUTH_PHRASES):
        return OzonAuthError(f"Ozon refused the API key on {endpoint}: {shown}", endpoint=endpoint, http_status=status)
    ozon_code = _business_code(message, status)
    text = f"Ozon refused {endpoint} (HTTP {status}): {shown}"
    if status == 404 or "POSTING_NOT_FOUND" in message or "NOT_FOUND" == ozon_code:
        return OzonNotFound(text, endpoint=endpoint, ozon_code=ozon_code, http_status=status)
    if label and is_not_ready_message(message):
        return OzonLabelNotReady(text, endpoint=endpoint, ozon_code=ozon_code, http_status=status)
    return OzonBusinessError(text, endpoint=endpoint, ozon_code=ozon_code, http_status=status)
