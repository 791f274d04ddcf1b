"""GS1 DataMatrix codes of Chestny ZNAK: put back the GS separators a scanner dropped.

Keyboard-wedge scanners often lose GS (0x1D). For the long format the field lengths are fixed,
so the separators can be restored; other formats are left alone because their serial length
depends on the product group (devices-notes §1.4):

    01 + GTIN(14) + 21 + serial(13) GS 91 + key id(4) GS 92 + crypto(44 or 88)
"""
from __future__ import annotations

import logging
import re
import string

GS = "\x1d"

SERIAL_LEN, KEY_LEN, CRYPTO_LENS = 13, 4, (44, 88)
_KEY_AT = 2 + 14 + 2 + SERIAL_LEN  # where "91" starts: 31
_CRYPTO_AT = _KEY_AT + 2 + KEY_LEN  # where "92" starts: 37
# GS1 AI encodable character set 82 (the characters a serial may use)
_CSET82 = frozenset(string.ascii_letters + string.digits + "!\"%&'()*+,-./:;<=>?_")
_BASE64 = frozenset(string.ascii_letters + string.digits + "+/=")
_ALNUM = frozenset(string.ascii_letters + string.digits)


def gtin_ok(gtin: str) -> bool:
    """A 14-digit GTIN with a valid GS1 mod-10 check digit."""
    if len(gtin) != 14 or not gtin.isdigit():
        return False
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(gtin[:13]))
    return (10 - total % 10) % 10 == int(gtin[13])


def _long_format(code: str) -> bool:
    crypto = code[_CRYPTO_AT + 2:]
    return (len(crypto) in CRYPTO_LENS and code.startswith("01") and gtin_ok(code[2:16])
            and code[16:18] == "21" and set(code[18:_KEY_AT]) <= _CSET82
            and code[_KEY_AT:_KEY_AT + 2] == "91" and set(code[_KEY_AT + 2:_CRYPTO_AT]) <= _ALNUM
            and code[_CRYPTO_AT:_CRYPTO_AT + 2] == "92" and set(crypto) <= _BASE64)


def restore_gs(code: str) -> str:
    """``code`` with GS put back when it is a long-format marking code without any; else unchanged."""
    if GS in code or not _long_format(code):
        return code
    return code[:_KEY_AT] + GS + code[_KEY_AT:_CRYPTO_AT] + GS + code[_CRYPTO_AT:]


def looks_like_mark(code: str) -> bool:
    """A Chestny ZNAK code, or something shaped like one (``01`` + 14 digits + ``21``, or any GS)."""
    return GS in code or (len(code) > 18 and code.startswith("01") and code[2:16].isdigit() and code[16:18] == "21")


def mask(code: str) -> str:
    """A marking code as a screen, a log or the event log may show it: the GTIN, the serial's
    first three characters and "…" (the rest, and the verification tail, never leave the unit's row)."""
    if code.startswith("01") and code[2:16].isdigit() and len(code) >= 16:
        serial = code[18:].split(GS)[0] if code[16:18] == "21" else ""
        return f"{code[2:16]} {serial[:3]}…"
    head = code.split(GS)[0]
    return f"{head[:4]}…" if len(head) > 4 else "…"


def for_log(code: str) -> str:
    """A scan as the log may name it: a marking code masked, anything else as it came."""
    return mask(code) if looks_like_mark(code) else code


# GS (0x1D) is "whitespace" to ``\s``: only blanks end a code here
_IN_TEXT = re.compile(r"01(\d{14})21([^ \t\r\n\"'\\,;)\]}]{0,3})[^ \t\r\n\"',;)\]}]*")


def redact_marks(text: str) -> str:
    """``text`` with anything shaped like a marking code masked (``mask``): the last net of the log."""
    if "01" not in text:
        return text
    return _IN_TEXT.sub(lambda m: f"{m.group(1)} {m.group(2)}…", text)


class MarkRedactor(logging.Filter):
    """A log handler's filter: no marking code reaches a log file or the log view whole, whatever
    a message quotes (an error text of Ozon's, an exception's repr...)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact_marks(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact_marks(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = redact_marks(record.exc_text)
        return True
