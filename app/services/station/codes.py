"""What a scanned code means at the bench, decided inside one writer transaction (``Txn``).

An item barcode or an Ozon label barcode (``classify`` kind ``code``) is looked up in the cache;
when Ozon must be asked first, the decision says what to do outside the transaction instead of
a result. Each result has written its event-log line; the caller commits.
"""
from __future__ import annotations

from app.devices.scanners.gs1 import for_log
from app.services.station import flows, mark_fix, unit_ids
from app.services.station import results as r
from app.services.station import state as s
from app.services.station.classify import Classified, looks_like_label
from app.services.station.remote import Lookup
from app.statuses import PACKABLE_STATUSES
from app.store import lookups
from app.store import products as store_products
from app.store import waves as store_waves

Txn = s.Txn


def at_once(t: Txn, code: str, notes: dict, *, ask_first: bool):
    """A result, or what must happen outside the transaction: ("label", number) to open a
    posting by its label, ("ask", None) to ask Ozon about a label, ("idle", candidate) to ask
    Ozon about the candidate before opening it (``ask_first``: the station has Ozon to ask)."""
    found = store_products.products_by_barcode(t.session, code)
    if found:
        if t.row.open_posting is None:
            return idle(t, code, [code], None, notes, ask_first=ask_first, found=found)
        return flows.goods_on_hold(t) or flows.count_unit(t, code, notes=notes, found=found)
    number = lookups.posting_by_label_barcode(t.session, code)
    if number is not None:
        return ("label", number)
    if t.row.open_posting is None:
        return ("ask", None) if looks_like_label(code) else idle(t, code, [code], None, notes,
                                                                   ask_first=ask_first, found=found)
    # the open posting read once, for the identifier it may wait for and for the count
    posting, counts, _ = s.get_counted(t.session, t.row.open_posting)
    taken = unit_ids.take(t, code, posting)  # a phone's IMEI, a jewel's UIN the bench asked for?
    if taken is not None:
        return taken
    if looks_like_label(code):
        return ("ask", None)
    return flows.count_unit(t, code, notes=notes, found=found, posting=posting, counts=counts)


def item(t: Txn, code: str, barcodes: list[str], mark, notes: dict | None, *, ask_first: bool):
    """An item (or marking code): counted when a posting is open, else as ``at_once`` says."""
    if t.row.open_posting is None:
        return idle(t, code, barcodes, mark, notes, ask_first=ask_first)
    return flows.goods_on_hold(t) or flows.count_unit(t, code, mark=mark, notes=notes)


def idle(t: Txn, code: str, barcodes: list[str], mark, notes: dict | None, *, ask_first: bool,
         found: list | None = None):
    """Nothing open: repeat a stop while its goods are on hold; else open the packable posting
    that ships first and wants the unit, and count the unit, in this transaction when there is
    nobody to ask; ("idle", candidate) when Ozon must be asked about it first. No candidate:
    refused here (nothing to ask Ozon about). ``found``: the products of ``code``, read already."""
    held = flows.goods_on_hold(t)
    if held is not None:
        return held
    number = candidate(t.session, barcodes, t.name, ())
    if number is None:
        return nothing_wants(t, code, barcodes, notes or {})
    if ask_first:
        return ("idle", number)
    return open_and_count(t, number, None, code, mark, found=found)


def candidate(session, barcodes: list[str], station: str, tried) -> str | None:
    """The packable posting that ships first and wants a unit known under ``barcodes`` (in
    their order), leaving out those ``tried``. (In the writer's transaction when it can: that
    connection's page cache is warm, a reader's is dropped at every commit.)"""
    for barcode in barcodes:
        number = lookups.packable_by_item_barcode(session, barcode, station)
        if number is not None and number not in tried:
            return number
    return None


def in_wave(posting) -> bool:
    """A parcel of a label-first wave: shipped already, verified with no network step."""
    return store_waves.in_pending_wave(posting)


def opens_from_cache(posting) -> bool:
    """A posting the cache holds as packable opens before Ozon's re-read arrives (checked then);
    any other asks Ozon first: the cache may be behind (not yet awaiting packaging), and a
    wave's parcel needs no word from Ozon at all."""
    return posting.status in PACKABLE_STATUSES and not in_wave(posting)


def rechecked(t: Txn, number: str, lookup: Lookup) -> r.StationResult | None:
    """Ozon's re-read of a posting opened from the cache: stored; if it is open here and can no
    longer be packed (cancelled meanwhile), stopped loudly, else nothing to say."""
    s.save_fresh(t.session, lookup.posting, t.now, lookup.account)
    if t.row.open_posting != number:  # put back or packed already: its next open or the ship decides
        return None
    posting = s.get_posting(t.session, number)
    reason = None if posting is None else s.not_packable_reason(posting, t.name)
    return None if reason is None else flows.stop_loudly(t, posting, reason)


def open_from_cache(t: Txn, number: str, via: str) -> r.StationResult | None:
    """A posting scanned that the cache holds as packable (``opens_from_cache``): opened, its
    re-read from Ozon to follow. None, with nothing written: the cache does not hold it so."""
    posting = s.get_posting(t.session, number)
    if posting is None or not opens_from_cache(posting):
        return None
    return open_scanned(t, number, via, None)


def open_scanned(t: Txn, number: str, via: str, lookup: Lookup | None) -> r.StationResult:
    """A posting number or label scanned: open it (with what Ozon just said, if asked)."""
    if lookup is not None and lookup.posting is not None:
        s.save_fresh(t.session, lookup.posting, t.now, lookup.account)
    if lookup is not None and lookup.found is False and s.get_posting(t.session, number) is None:
        return flows.refused(t, r.POSTING_NOT_FOUND, number, scanned=via)
    return flows.open_posting(t, number, via=via)


def open_and_count(t: Txn, number: str, lookup: Lookup | None, code: str, mark,
                   found: list | None = None) -> r.StationResult:
    """Idle item scan: open the candidate posting and count the unit in hand (the posting and
    its counts as the opening read them: read once)."""
    if lookup is not None and lookup.posting is not None:
        s.save_fresh(t.session, lookup.posting, t.now, lookup.account)
    opened, posting, counts = flows.open_and_read(t, number, via="item")
    if opened.code != r.POSTING_OPENED:
        return opened
    counted = flows.count_unit(t, code, mark=mark, found=found, posting=posting, counts=counts)
    return r.StationResult(counted.ok, counted.code, counted.posting, counted.state,
                           {**counted.data, "opened": number})


def nothing_wants(t: Txn, code: str, barcodes: list[str], notes: dict) -> r.StationResult:
    """Idle item scan that opened nothing: an unknown barcode, or no packable posting wants it."""
    found = next((p for b in barcodes if (p := store_products.products_by_barcode(t.session, b))), None)
    shown = for_log(code)  # a marking code is named masked
    if not found:
        return flows.refused(t, r.UNKNOWN_BARCODE, None, barcode=shown, **notes)
    return flows.refused(t, r.NO_PACKABLE_POSTING, None, barcode=shown, product=found[0].name, sku=found[0].sku)


def bad(t: Txn, scanned: Classified) -> r.StationResult:
    waiting = mark_fix.not_a_mark(t, t.row.open_posting, for_log(scanned.text))
    if waiting is not None:  # the bench waits for a unit's marking code: this is none
        return waiting
    data = {"problem": scanned.problem or "", "excerpt": for_log(scanned.text)}
    t.log(r.BAD_SCAN, t.row.open_posting, data)  # the station's state stays as it is
    return r.result(r.BAD_SCAN, t.row.open_posting, t.state(), **data)
