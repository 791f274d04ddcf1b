"""What the settings dialog's buttons do, Qt-free (run on a pool thread by the dialog):
"test connection" asks Ozon for the key's roles and expiry and the seller's warehouses; "test print" prints a small label
on a printer not in use (the printer in use is the print worker's: the dialog goes through it); "scale" reads one
weight."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.config import check_base_url, resolve_api_key


@dataclass(frozen=True)
class Connection:
    expires_at: datetime | None               # the key's expiry (None: Ozon gives none)
    warehouses: list[tuple[int, str, bool]]   # id, name, is_rfbs


def test_connection(base_url: str, client_id: str, api_key: str = "") -> Connection:
    """Ask Ozon for the key's roles (and expiry) and the seller's warehouses. Raises
    OzonError/ConfigError with the reason."""
    from app.config import ConfigError
    from app.services.ozon.client import OzonClient
    from app.services.ozon.ratelimit import ACCOUNTS

    check_base_url(base_url)
    key = api_key or resolve_api_key(client_id) or ""
    if not client_id or not key:
        raise ConfigError("Client-Id and API key are needed", key="ozon.api_key", code="setting_connection_needs_key")
    client = OzonClient(base_url, client_id, key, timeout=(5.0, 10.0), max_retries=0,
                        limiter=ACCOUNTS.for_account(base_url, client_id))  # the bench's, when it is this account
    try:
        expires = client.roles().expires_at
        return Connection(expires, [(w.id, w.name, w.is_rfbs) for w in client.warehouses()])
    finally:
        client.close()


def connection_problem(exc: Exception, lang: str, client_id: str) -> str:
    """Why ``test_connection`` failed, in ``lang``: a refused key as the bench says it everywhere,
    a setting by its code; anything else (Ozon's own words, a network error) as it is."""
    from app.messages import error_text, text
    from app.services.ozon.errors import OzonAuthError

    if isinstance(exc, OzonAuthError):
        return text("auth_failed", lang, client_id=client_id, detail=str(exc))
    return error_text(exc, lang)


def test_print(uri: str, sim_dir: Path | None = None) -> str:
    """Print a framed test label on a printer nobody holds open; returns the printer's name. Raises
    PrinterError/DeviceUriError."""
    from app.devices.printers import open_printer
    from app.services.labels.sample import sample_bitmap

    printer = open_printer(uri, sim_dir=sim_dir)
    try:
        printer.print_bitmap(sample_bitmap(printer.profile, datetime.now()))
        return printer.name
    finally:
        printer.close()


def read_scale(uri: str, timeout_s: float = 3.0) -> tuple[float, str]:
    """One reading (grams, state) from the scale at ``uri``. Raises ScaleError/DeviceUriError."""
    from app.devices.scales import ScaleTimeout, open_scale

    with open_scale(uri) as reader:
        reading = reader.wait_reading(timeout_s)
        if reading is None:
            raise ScaleTimeout(f"no reading from {uri} within {timeout_s:g} s")
        return reading.grams, reading.state


def cached_warehouses(db) -> list[tuple[int, str, bool]]:
    """The warehouses the last sync saw (id, name, is_rfbs)."""
    from app.store import reference

    with db.read() as session:
        return [(w.id, w.name, bool(w.is_rfbs)) for w in reference.list_warehouses(session)]
