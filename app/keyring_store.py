"""The OS keyring, where the bench keeps its secrets (Ozon API keys, carriers' tokens): never a file.

Every secret is under the service "packdesk"; the user name says whose it is (an Ozon client id,
``<carrier>:<login>:<what>``). A machine without a usable keyring backend reads as "no secret
stored" (logged at INFO, without the name's secret part or any value), so the environment's
variables remain the way in.
"""
from __future__ import annotations

import logging

log = logging.getLogger("packdesk.config")

SERVICE = "packdesk"


class KeyringUnavailable(Exception):
    """The OS keyring cannot store a secret here; the message names the backend's error type."""


def read_secret(user: str) -> str | None:
    """The secret stored for ``user``, or None (none stored, or no usable keyring)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, user)
    except (KeyringError, RuntimeError) as exc:  # no usable backend on this machine
        log.info("OS keyring unavailable: %s", type(exc).__name__)
        return None


def store_secret(user: str, secret: str) -> None:
    """Keep ``secret`` for ``user``; raises KeyringUnavailable when the keyring cannot."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, user, secret)
    except (KeyringError, RuntimeError) as exc:
        raise KeyringUnavailable(type(exc).__name__) from None
