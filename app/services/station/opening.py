"""Scanned codes that open a posting, decided between transactions: an item or label barcode
the cache decides about at once, or a posting to open after asking Ozon (``Remote``); with a thread
to come back on (``Station.later``, the GUI), a posting the cache holds as packable opens at once
(by its number, its label or an item it wants) and Ozon's re-read is checked when it arrives.
A part of ``Station`` (its ``_write``, ``remote``, ``db``, ``name``, ``later`` and ``follow_up``).
"""
from __future__ import annotations

from app.services.station import codes, flows
from app.services.station import results as r
from app.services.station import state as s
from app.services.station.classify import Classified
from app.services.station.remote import Lookup

MAX_CANDIDATES = 3  # idle item scan: postings tried when Ozon says the first ones are gone


class Opening:
    def _ask(self, number: str) -> Lookup | None:
        """Ozon's word on a posting, except for a wave's parcel: shipped already, it is verified
        with no network step at all."""
        if self.remote is None:
            return None
        with self.db.read() as session:
            posting = s.get_posting(session, number)
            if posting is not None and codes.in_wave(posting):
                return None
        return self.remote.posting(number)

    def _open(self, number: str, *, via: str, lookup: Lookup | None) -> r.StationResult:
        return self._write(lambda t: codes.open_scanned(t, number, via, lookup))

    def _open_by_code(self, number: str, *, via: str) -> r.StationResult:
        """A posting number or label scanned: open it, with Ozon's word on it now or (``later``
        set, the cache holding it as packable) checked as soon as it comes."""
        if self.remote is None or self.later is None:
            return self._open(number, via=via, lookup=self._ask(number))
        # the cache's word read in the decision's own transaction, not in a read before it (an ORM
        # read of the posting and its lines on this thread: ~0.9 ms of every posting opened, 2 GHz core)
        outcome = self._write(lambda t: codes.open_from_cache(t, number, via))
        if outcome is None:  # not packable in the cache (or not there): Ozon's word first
            return self._open(number, via=via, lookup=self._ask(number))
        if outcome.code == r.POSTING_OPENED:
            self._check_soon(number)
        return outcome

    def _check_soon(self, number: str) -> None:
        """Ask Ozon about a posting just opened from the cache, once the open has been shown
        (``follow_up``); its answer is decided on the station's thread (``later``) when it comes."""
        def ask() -> None:
            future = self.remote.posting_soon(number)
            future.add_done_callback(lambda done: self.later(lambda: self._recheck(number, done.result())))

        if self.follow_up is None:
            ask()
        else:
            self.follow_up(ask)

    def _asks_first(self) -> bool:
        """An idle item scan asks Ozon before it opens the posting that wants the unit, unless the
        station has a thread to come back on (then it opens from the cache and checks after)."""
        return self.remote is not None and self.later is None

    def _opened_by_item(self, outcome: r.StationResult) -> r.StationResult:
        if outcome.data.get("opened") and self.remote is not None and self.later is not None:
            self._check_soon(outcome.data["opened"])
        return outcome

    def _recheck(self, number: str, lookup: Lookup) -> r.StationResult | None:
        """Ozon's answer on a posting opened from the cache: stored; one that can no longer be
        packed and is still open here is stopped loudly (its goods held, as for any stop)."""
        if lookup.posting is None:  # offline or unknown: the cache stands (the sync reconciles)
            return None
        outcome = self._write(lambda t: codes.rechecked(t, number, lookup), gated=False)
        return outcome if isinstance(outcome, r.StationResult) else None

    def _code(self, scanned: Classified) -> r.StationResult:
        """An item barcode or an Ozon label barcode: the cache decides which. The common case (a
        posting open, a known item) is decided in one transaction; opening needs Ozon first."""
        code = scanned.text
        ask_first = self._asks_first()
        outcome = self._write(lambda t: codes.at_once(t, code, scanned.notes, ask_first=ask_first))
        if isinstance(outcome, r.StationResult):
            return self._opened_by_item(outcome)
        kind, number = outcome
        if kind == "label":
            return self._open_by_code(number, via="label")
        if kind == "idle":
            return self._find(code, [code], None, scanned.notes, number)
        lookup = self.remote.by_barcode(code) if self.remote is not None else Lookup(detail="offline")
        if lookup.posting is not None:
            return self._open(lookup.posting.posting_number, via="label", lookup=lookup)
        return self._write(lambda t: flows.refused(t, r.POSTING_NOT_FOUND, None, barcode=code, ozon=lookup.detail))

    def _item(self, code: str, barcodes: list[str], *, mark=None, notes: dict | None = None) -> r.StationResult:
        ask_first = self._asks_first()
        outcome = self._write(lambda t: codes.item(t, code, barcodes, mark, notes, ask_first=ask_first))
        if isinstance(outcome, r.StationResult):
            return self._opened_by_item(outcome)
        return self._find(code, barcodes, mark, notes, outcome[1])

    def _find(self, code: str, barcodes: list[str], mark, notes: dict | None, number: str | None) -> r.StationResult:
        """Idle, no goods on hold: open the packable posting that ships first and wants the unit
        (``number``, found by the transaction that saw the station idle), asking Ozon first.
        (With nobody to ask, that transaction opened it itself: ``codes.idle``.)"""
        tried: list[str] = []
        while number is not None:
            lookup = self._ask(number)
            outcome = self._write(lambda t: codes.open_and_count(t, number, lookup, code, mark))
            if outcome.code != r.POSTING_NOT_PACKABLE:
                return outcome
            tried.append(number)
            if len(tried) == MAX_CANDIDATES:
                break
            with self.db.read() as session:
                number = codes.candidate(session, barcodes, self.name, tried)
        return self._write(lambda t: codes.nothing_wants(t, code, barcodes, notes or {}))

