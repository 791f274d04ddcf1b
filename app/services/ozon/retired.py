"""Seller API methods Ozon has switched off: a call gets an error, never data.

The one table of them (ozon-api-notes.md §00). The client must call none (a test collects every
path the client can call and checks it against this table); the simulator answers each with the
error Ozon's gateway gives. When Ozon retires the next method, add its line to ``_TABLE``:
path, the day it was switched off, what replaces it ("-" when nothing does).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["Retired", "RETIRED", "retired"]

_TABLE = """
/v3/posting/fbs/unfulfilled/list                 2026-08-31  /v4/posting/fbs/unfulfilled/list
/v3/posting/fbs/list                             2026-08-31  /v4/posting/fbs/list
/v1/warehouse/list                               2026-04-07  /v2/warehouse/list
/v1/delivery-method/list                         2026-04-07  /v2/delivery-method/list
/v2/posting/fbs/package-label                    2026-11-02  /v3/posting/fbs/package-label/create
/v1/posting/fbs/package-label/create             2026-11-02  /v3/posting/fbs/package-label/create
/v2/posting/fbs/package-label/create             2026-11-02  /v3/posting/fbs/package-label/create
/v1/posting/fbs/package-label/get                2026-11-02  /v2/posting/fbs/package-label/get
/v2/posting/fbs/act/create                       2026-09-07  /v1/carriage/create
/v1/carriage/delivery/list                       2026-03-20  /v2/carriage/delivery/list
/v1/posting/carriage-available/list              2026-03-20  /v2/carriage/delivery/list
/v2/posting/fbs/digital/act/check-status         2026-03-22  /v2/posting/fbs/act/check-status
/v2/posting/fbs/digital/act/get-pdf              2026-03-22  /v2/posting/fbs/act/get-pdf
/v2/fbs/posting/sent-by-seller                   2026-01-20  -
/v4/fbs/posting/product/exemplar/set             2025-12-03  /v6/fbs/posting/product/exemplar/set
/v4/fbs/posting/product/exemplar/status          2025-12-03  /v5/fbs/posting/product/exemplar/status
/v4/fbs/posting/product/exemplar/validate        2025-12-03  /v5/fbs/posting/product/exemplar/validate
/v5/fbs/posting/product/exemplar/set             2025-12-03  /v6/fbs/posting/product/exemplar/set
/v5/fbs/posting/product/exemplar/create-or-get   2025-12-03  /v6/fbs/posting/product/exemplar/create-or-get
"""


@dataclass(frozen=True)
class Retired:
    since: date       # the day Ozon switched it off
    use_instead: str  # the method that replaces it ("" when nothing does)


def _parse(table: str) -> dict[str, Retired]:
    rows = {}
    for line in table.strip().splitlines():
        path, since, instead = line.split()
        rows[path] = Retired(date.fromisoformat(since), "" if instead == "-" else instead)
    return rows


RETIRED: dict[str, Retired] = _parse(_TABLE)


def retired(path: str) -> Retired | None:
    """The retirement of ``path`` (query and trailing slash ignored), or None for a live method."""
    return RETIRED.get(path.split("?", 1)[0].rstrip("/") or "/")
