"""Roles and what they allow (one table; the station, the settings and the CLI ask here)."""
from __future__ import annotations

PACKER, SUPERVISOR, ADMIN = "packer", "supervisor", "admin"
ROLES = (PACKER, SUPERVISOR, ADMIN)

# right -> the roles that have it
_RIGHTS = {
    "pack": {PACKER, SUPERVISOR, ADMIN},
    "confirm_override": {SUPERVISOR, ADMIN},   # weight override, teach a barcode
    "change_settings": {ADMIN},                # Settings, people
}


def may(role: str | None, right: str) -> bool:
    return role in _RIGHTS[right]
