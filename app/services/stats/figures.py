"""Per packer, station and day, from the event log alone (every bench writes the same events):

- ``postings``: postings packed (``packed`` events); ``units``: their verified units (``packed_units``);
- ``seconds_per_posting`` / ``seconds_per_unit``: from the posting's last opening at that bench to its
  packing (a posting opened before the period is left out of the times, not of the counts);
- ``mistakes`` caught, by kind: ``wrong_item``, ``over_scan``, ``unknown_barcode``, ``weight_mismatch``;
- ``overrides``: weights accepted by a supervisor and barcodes taught while the packer was signed in;
- ``handed_over``: parcels that left with the courier: scanned into a hand-over (``parcel_accepted``,
  credited to who scanned them, that day) that was closed with them in the bag; a hand-over still
  open, a parcel deferred to a later carriage or cancelled after its scan counts nothing.

Days are calendar days in ``tz`` (the bench's local zone for people; the log keeps UTC).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from sqlalchemy import func, select

from app.store.models import EventRow, PackedUnitRow
from app.store.models_handover import HANDOVER_CLOSED, PARCEL_SCANNED, HandoverParcelRow, HandoverRow

MISTAKES = ("wrong_item", "over_scan", "unknown_barcode", "weight_mismatch")
OVERRIDES = ("weight_override", "barcode_taught")
HANDED_OVER = ("parcel_accepted",)
OPENED, PACKED = "posting_opened", "packed"
KINDS = (OPENED, PACKED, *MISTAKES, *OVERRIDES, *HANDED_OVER)

_e, _u = EventRow.__table__, PackedUnitRow.__table__


@dataclass
class Figures:
    date: str
    station: str
    packer: str
    postings: int = 0
    units: int = 0
    seconds_per_unit: float | None = None
    seconds_per_posting: float | None = None
    mistakes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MISTAKES, 0))
    overrides: int = 0
    handed_over: int = 0
    timed_seconds: float = 0.0  # the packing time measured (for the averages)
    timed_postings: int = 0
    timed_units: int = 0

    def as_json(self) -> dict:
        """The object ``packdesk report --json`` prints (CONTRACT.md: exactly these keys; the seconds
        per posting are in the table, the PDF and the Statistics tab)."""
        shown = asdict(self)
        for inner in ("seconds_per_posting", "timed_seconds", "timed_postings", "timed_units"):
            shown.pop(inner)
        return shown


def utc_bounds(since: date, until: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """The period [since 00:00, until+1 00:00) in ``tz`` as naive UTC (how the log keeps times)."""
    def edge(day: date) -> datetime:
        return datetime.combine(day, time(), tzinfo=tz).astimezone(timezone.utc).replace(tzinfo=None)
    return edge(since), edge(until + timedelta(days=1))


def shift_figures(db, since: date, until: date, tz: tzinfo = timezone.utc) -> list[Figures]:
    """The figures of every (day, station, packer) with anything to show, in that order."""
    start, end = utc_bounds(since, until, tz)
    units = (select(func.count()).select_from(_u).where(_u.c.posting_number == _e.c.posting_number)
             .correlate(_e).scalar_subquery())
    query = (select(_e.c.at, _e.c.station, _e.c.packer, _e.c.kind, _e.c.posting_number, units, _e.c.data)
             .where(_e.c.at >= start, _e.c.at < end, _e.c.kind.in_(KINDS)).order_by(_e.c.id))
    rows: dict[tuple, Figures] = {}
    opened: dict[tuple[str, str], datetime] = {}
    scans: list[tuple[Figures, int, str]] = []  # parcel scans: counted once their hand-over closed with them
    with db.read() as session:
        for at, station, packer, kind, posting, posting_units, data in session.execute(query):
            day = at.replace(tzinfo=timezone.utc).astimezone(tz).date().isoformat()
            key = (day, station, packer or "")
            row = rows.get(key) or rows.setdefault(key, Figures(*key))
            if kind == OPENED:
                opened[(station, posting)] = at
            elif kind == PACKED:
                row.postings += 1
                row.units += posting_units or 0
                began = opened.pop((station, posting), None)
                if began is not None:
                    row.timed_seconds += (at - began).total_seconds()
                    row.timed_postings += 1
                    row.timed_units += posting_units or 0
            elif kind in MISTAKES:
                row.mistakes[kind] += 1
            elif kind in OVERRIDES:
                row.overrides += 1
            elif kind in HANDED_OVER and (data or {}).get("handover") is not None:
                scans.append((row, int(data["handover"]), posting))
        left = _left_with_courier(session, {handover for _, handover, _ in scans})
    for row, handover, posting in scans:
        if (handover, posting) in left:
            row.handed_over += 1
    shown = []
    for key in sorted(rows):
        row = rows[key]
        if row.timed_postings:
            row.seconds_per_posting = round(row.timed_seconds / row.timed_postings, 1)
        if row.timed_units:
            row.seconds_per_unit = round(row.timed_seconds / row.timed_units, 1)
        if row.postings or row.overrides or row.handed_over or any(row.mistakes.values()):
            shown.append(row)
    return shown


def _left_with_courier(session, handovers: set[int]) -> set[tuple[int, str]]:
    """(hand-over, posting) of the parcels in the bag of these hand-overs when they were closed."""
    if not handovers:
        return set()
    p, h = HandoverParcelRow.__table__.c, HandoverRow.__table__.c
    found: set[tuple[int, str]] = set()
    ids = sorted(handovers)
    for start in range(0, len(ids), 500):
        found.update(session.execute(
            select(p.handover_id, p.posting_number).join_from(HandoverParcelRow.__table__, HandoverRow.__table__,
                                                              h.id == p.handover_id)
            .where(p.handover_id.in_(ids[start:start + 500]), p.state == PARCEL_SCANNED,
                   h.state == HANDOVER_CLOSED)).all())
    return found


def totals(rows: list[Figures]) -> dict[str, dict[str, int]]:
    """Per packer over the period: postings, units, mistakes (all kinds), overrides — the charts' bars."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: {"postings": 0, "units": 0, "mistakes": 0, "overrides": 0})
    for row in rows:
        mine = out[row.packer or "—"]
        mine["postings"] += row.postings
        mine["units"] += row.units
        mine["mistakes"] += sum(row.mistakes.values())
        mine["overrides"] += row.overrides
    return dict(sorted(out.items()))
