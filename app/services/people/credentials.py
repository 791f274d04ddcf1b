"""Badges and PINs, never stored as they are (pure; tests/test_people_credentials.py).

- A badge is a random code of 12 characters from an alphabet every scanner reads back the same in
  any keyboard layout (upper-case letters without I/O, digits 2-9: 60 bits). It is printed as the
  barcode ``CMD:LOGIN:<badge>``; the database keeps its SHA-256 (``badge_digest``): a code that
  random needs no slow hash, and an equality look-up finds its person at once.
- A PIN (4-12 digits) is short, so it is kept as a salted scrypt hash (``hash_pin``), whose cost
  makes guessing every PIN of a stolen database slow; ``pin_matches`` compares in constant time.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

BADGE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
BADGE_LENGTH = 12
PIN_RE = re.compile(r"\d{4,12}")
# scrypt cost: ~16 MiB and some 50 ms per check on a small PC; stored with each hash, so raising it
# later leaves the old hashes readable
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 14, 8, 1
_SCHEME = "scrypt"


class BadPin(ValueError):
    """Not a PIN the bench accepts (4-12 digits)."""


def new_badge() -> str:
    return "".join(secrets.choice(BADGE_ALPHABET) for _ in range(BADGE_LENGTH))


def normal_badge(text: str) -> str:
    """A scanned or typed badge as it was issued (a ``CMD:LOGIN:`` prefix, blanks and case dropped)."""
    text = text.strip()
    if text.upper().startswith("CMD:LOGIN:"):
        text = text[len("CMD:LOGIN:"):]
    return text.strip().upper()


def badge_digest(badge: str) -> str:
    return hashlib.sha256(normal_badge(badge).encode("ascii", "replace")).hexdigest()


def check_pin(pin: str) -> str:
    pin = pin.strip()
    if not PIN_RE.fullmatch(pin):
        raise BadPin("a PIN is 4 to 12 digits")
    return pin


def hash_pin(pin: str, *, n: int = SCRYPT_N) -> str:
    """``scrypt$n$r$p$salt$hash`` (salt and hash in base64)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(check_pin(pin).encode(), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return "$".join((_SCHEME, str(n), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest)))


def pin_matches(pin: str, stored: str | None) -> bool:
    if not stored or not PIN_RE.fullmatch(pin.strip()):
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != _SCHEME:
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(pin.strip().encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(expected))
    except ValueError:  # a damaged hash: no PIN matches it
        return False
    return hmac.compare_digest(got, expected)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
