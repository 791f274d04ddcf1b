"""One POST to Ozon, with pacing, retries and the mapping of every failure to a typed error.

Retry rules (the heart of "never ship twice by accident"):

* reads (``idempotent=True``) are retried with full-jitter exponential backoff on 5xx,
  timeouts, connection errors, and once on a 2xx body that does not decode;
* mutations are retried only when the request surely did not take effect: connect errors
  (never sent) and 429 / "Circle is open" (refused). After a read timeout, a reset after
  sending or a 5xx they raise ``OzonTransportError(maybe_applied=True)`` at once: the caller
  must read the outcome back;
* a 429 pauses the whole account's bucket for ``retry-after`` seconds (or a backoff when the
  header is absent) before retrying.

Nothing here logs or raises the API key: every text that leaves comes through ``redact``.
"""
from __future__ import annotations

import email.utils
import json
import logging
import math
import random
import re
import time
from collections.abc import Callable
from datetime import datetime, timezone
from typing import TypeVar

import requests
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, NewConnectionError

from .errors import (
    OzonBadResponse,
    OzonConfigError,
    OzonError,
    OzonRateLimited,
    OzonTransportError,
    error_from_response,
    is_throttle_message,
    ozon_message,
)
from .parse import ParseError
from .ratelimit import RateLimiter, full_jitter_backoff

log = logging.getLogger("packdesk.ozon.client")

__all__ = ["Transport", "as_bad_response", "decode_json", "request_may_have_arrived", "parse_retry_after", "redact"]

T = TypeVar("T")
Decode = Callable[[requests.Response], T]

# requests errors that mean our own request could not even be built: no point retrying.
_UNSENDABLE = (requests.exceptions.InvalidURL, requests.exceptions.InvalidHeader,
               requests.exceptions.InvalidSchema, requests.exceptions.MissingSchema,
               requests.exceptions.InvalidJSONError)

# A key at least this long is masked wherever it appears (Ozon's are UUIDs, 36 characters); a
# shorter one (a made-up key while trying things out) only where it stands alone, or masking "x"
# would turn "Max retries exceeded" into "Ma*** retries e***ceeded".
WHOLE_WORD_BELOW = 8


def redact(text: str, secret: str | None) -> str:
    """``text`` with ``secret`` masked as ``***``."""
    if not secret:
        return text
    if len(secret) >= WHOLE_WORD_BELOW:
        return text.replace(secret, "***")
    return re.sub(rf"(?<![0-9A-Za-z]){re.escape(secret)}(?![0-9A-Za-z])", "***", text)


def decode_json(response: requests.Response) -> object:
    """The JSON body of a 2xx answer; ParseError when it is not JSON."""
    try:
        return json.loads(response.content)
    except ValueError as exc:
        raise ParseError(f"the body is not JSON ({len(response.content)} bytes, "
                         f"{response.headers.get('Content-Type', 'no content type')})") from exc


def request_may_have_arrived(exc: requests.RequestException) -> bool:
    """False only when the request surely never reached the server (connect refused/timeout, DNS)."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return False
    if isinstance(exc, requests.exceptions.ConnectionError) and not isinstance(exc, requests.exceptions.SSLError):
        reason = exc.args[0] if exc.args else None
        if isinstance(reason, MaxRetryError):
            reason = reason.reason
        if isinstance(reason, (NewConnectionError, ConnectTimeoutError)):
            return False
    return True


def parse_retry_after(value: str | None, *, now: Callable[[], datetime] | None = None) -> float | None:
    """``retry-after`` as seconds (a number of seconds or an HTTP date); None when absent/unusable."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - (now() if now else datetime.now(timezone.utc))).total_seconds()
    if not math.isfinite(seconds):
        return None
    return max(0.0, seconds)


class Transport:
    """POSTs JSON to one Ozon account through one ``requests.Session``."""

    def __init__(self, base_url: str, client_id: str, api_key: str, *, limiter: RateLimiter,
                 timeout: tuple[float, float], max_retries: int, session: requests.Session | None,
                 sleep: Callable[[float], None], backoff_base: float, backoff_cap: float,
                 max_retry_after: float, rng: Callable[[], float] = random.random):
        self._base_url = base_url
        self._api_key = api_key
        self._headers = {"Client-Id": client_id, "Api-Key": api_key, "Content-Type": "application/json"}
        self._limiter = limiter
        self._timeout = timeout
        self._max_retries = max_retries
        self._owns_session = session is None
        self._session = session if session is not None else requests.Session()
        self._sleep = sleep
        self._backoff = dict(base=backoff_base, cap=backoff_cap, rng=rng)
        self._max_retry_after = max_retry_after

    def close(self) -> None:
        if self._owns_session:
            self._session.close()

    def redact(self, text: str) -> str:
        return redact(text, self._api_key)

    def _retry_wait(self, attempt: int) -> float:
        return full_jitter_backoff(attempt, **self._backoff)

    def _error_body(self, response: requests.Response) -> object:
        """The decoded error body (redacted), or its first 300 characters when not JSON."""
        text = self.redact(response.content.decode("utf-8", errors="replace"))
        try:
            return json.loads(text)
        except ValueError:
            return text[:300]

    def post(self, path: str, body: dict, *, idempotent: bool = True, decode: Decode = decode_json,
             label: bool = False) -> T:
        """POST ``body`` to ``path``; return ``decode(response)`` of the 2xx answer or raise OzonError."""
        url = self._base_url + path
        payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
        kind = "read" if idempotent else "mutation"
        attempt = 0
        bad_bodies = 0
        while True:
            attempt += 1
            can_retry = attempt <= self._max_retries
            self._limiter.acquire(path)
            started = time.perf_counter()
            try:
                response = self._session.post(url, data=payload, headers=self._headers,
                                              timeout=self._timeout, allow_redirects=False)
            except requests.RequestException as exc:
                elapsed_ms = (time.perf_counter() - started) * 1000
                what = self.redact(f"{type(exc).__name__}: {exc}")
                if isinstance(exc, _UNSENDABLE):
                    raise OzonConfigError(f"cannot send {path}: {what}", endpoint=path) from None
                arrived = request_may_have_arrived(exc)
                log.debug("POST %s -> %s in %d ms (attempt %d)", path, type(exc).__name__, elapsed_ms, attempt)
                if can_retry and (idempotent or not arrived):
                    wait = self._retry_wait(attempt)
                    log.warning("POST %s failed on attempt %d (%s); retrying in %.2f s", path, attempt, what, wait)
                    self._sleep(wait)
                    continue
                if arrived and not idempotent:
                    log.warning("POST %s (%s) failed after it may have reached Ozon (%s): not retried",
                                path, kind, what)
                raise OzonTransportError(f"{path}: {network_reason(exc)} ({attempt} attempt(s))",
                                         endpoint=path, maybe_applied=arrived) from None
            elapsed_ms = (time.perf_counter() - started) * 1000
            status = response.status_code
            log.debug("POST %s -> %d in %d ms (attempt %d)", path, status, elapsed_ms, attempt)

            if 200 <= status < 300:
                try:
                    return decode(response)
                except (ParseError, ValueError) as exc:
                    what = self.redact(str(exc))
                    if idempotent and can_retry and bad_bodies == 0:
                        bad_bodies += 1
                        wait = self._retry_wait(attempt)
                        log.warning("POST %s returned an unreadable body (%s); retrying in %.2f s", path, what, wait)
                        self._sleep(wait)
                        continue
                    raise OzonBadResponse(f"{path} returned an unreadable body: {what}", endpoint=path,
                                          maybe_applied=not idempotent) from None

            error_body = self._error_body(response) if status >= 400 else None
            message = self.redact(ozon_message(error_body)) if error_body is not None else ""
            if status == 429 or (status >= 400 and is_throttle_message(message)):
                self._on_throttled(path, status, response, message, attempt, can_retry)
                continue
            if status >= 500:
                what = f"HTTP {status}" + (f": {message}" if message else "")
                if idempotent and can_retry:
                    wait = self._retry_wait(attempt)
                    log.warning("POST %s answered %s on attempt %d; retrying in %.2f s", path, what, attempt, wait)
                    self._sleep(wait)
                    continue
                log.warning("POST %s (%s) answered %s on attempt %d; giving up", path, kind, what, attempt)
                raise OzonTransportError(f"{path}: Ozon answered {what} ({attempt} attempt(s))",
                                         endpoint=path, maybe_applied=True)
            if status >= 400:
                raise error_from_response(path, status, error_body, label=label)
            raise OzonBadResponse(f"{path} answered an unexpected HTTP {status}", endpoint=path)

    def _on_throttled(self, path: str, status: int, response: requests.Response, message: str,
                      attempt: int, can_retry: bool) -> None:
        """Pause the account; return to retry, or raise OzonRateLimited when out of retries."""
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        wait = retry_after if retry_after is not None else self._retry_wait(attempt)
        self._limiter.pause(wait)
        too_long = retry_after is not None and retry_after > self._max_retry_after
        if can_retry and not too_long:
            log.warning("POST %s throttled (HTTP %d%s) on attempt %d; account paused %.2f s",
                        path, status, f": {message}" if message else "", attempt, wait)
            return
        log.warning("POST %s throttled (HTTP %d) on attempt %d; giving up", path, status, attempt)
        raise OzonRateLimited(f"Ozon rate limit on {path}: {message or f'HTTP {status}'}",
                              endpoint=path, retry_after=wait)


def as_bad_response(path: str, why: object, *, maybe_applied: bool = False) -> OzonError:
    """A decoded 2xx body of the wrong shape (``why``), as the error the caller sees."""
    return OzonBadResponse(f"{path} returned an unexpected shape: {why}", endpoint=path, maybe_applied=maybe_applied)


def network_reason(exc: requests.RequestException) -> str:
    """A few words for people on why a request failed; the full text goes to the log."""
    text = str(exc).lower()
    if isinstance(exc, requests.ConnectTimeout):
        return "connection timed out"
    if isinstance(exc, requests.ReadTimeout):
        return "no answer in time"
    if "name or service not known" in text or "nameresolution" in text or "getaddrinfo" in text:
        return "address not found (DNS)"
    if "refused" in text:
        return "connection refused"
    if "reset" in text or "aborted" in text or "remotedisconnected" in text:
        return "connection dropped"
    if isinstance(exc, requests.exceptions.SSLError):
        return "secure connection failed (TLS)"
    return "network error"
