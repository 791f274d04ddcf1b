"""The hand-over's own clip and the photo of its act (the evidence API for other areas), following
the hand-over mode's decisions (``HandoverMode.listen``), as a return's unpacking clip follows the
return mode:

- a clip ``handover`` starts when a hand-over starts or resumes at the bench (``handover_started``);
  each parcel scanned out (or refused) is burned into it; it stops at the close, or when the bench
  leaves the hand-over (``CMD:CANCEL``);
- at the close a photo ``handover_act`` is taken of the desk: the act the courier signs (with
  ``CMD:HANDOVER-CLOSE`` scanned once the courier signed, the signature is in the picture).

Both are keyed ``handover-<id>``; the dispute bundle of every posting that left in that hand-over
carries them with the act PDF and the signed act attached to the hand-over (``timeline_source``)."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from app.services.handover import results as hr

PURPOSE, ACT = "handover", "handover_act"


def key_of(handover_id: int) -> str:
    return f"handover-{handover_id}"


class HandoverFollower:
    def __init__(self, evidence, *, station_name: str, packer: Callable[[], str | None] = lambda: None) -> None:
        self.evidence, self.station_name, self.packer = evidence, station_name, packer

    def __call__(self, result) -> None:
        data = result.data
        handover = data.get("handover")
        if handover is None:
            return
        key = key_of(handover)
        method = data.get("method") or data.get("delivery_method") or ""
        if result.code == hr.HANDOVER_STARTED:
            self.evidence.start_clip(PURPOSE, key, packer=self.packer(), header=[
                f"HAND-OVER {handover}  {method}", f"{self.station_name}  {self.packer() or ''}"])
        elif result.code == hr.PARCEL_ACCEPTED:
            self.evidence.note(f"{datetime.now():%H:%M:%S} {result.posting} "
                               f"{data.get('scanned', '')}/{data.get('expected', '')}", key=key)
        elif result.code in (hr.PARCEL_CANCELLED, hr.PARCEL_NOT_IN_HANDOVER):
            self.evidence.note(f"{datetime.now():%H:%M:%S} {result.posting or ''} REFUSED {result.code}", key=key)
        elif result.code == hr.HANDOVER_CLOSED:
            self.evidence.stop_clip(PURPOSE, key)
            self.evidence.photo(ACT, key, packer=self.packer(), header=[
                f"HAND-OVER {handover}  act", f"{self.station_name}  {self.packer() or ''}"],
                line=f"{data.get('scanned', '')} parcels, carriage {data.get('carriage_id') or '-'}")
        elif result.code == hr.HANDOVER_LEFT:
            self.evidence.stop_clip(PURPOSE, key)


def timeline_source(session, ctx) -> Iterable:
    """The bundle's hand-over part of a posting: when it was scanned out in which hand-over, the
    carriage's act PDF, the signed act attached to it, the hand-over's clip and act photo."""
    from app.services.evidence.entries import Attachment, TimelineEntry
    from app.services.labels.files import resolve
    from app.store import evidence as store_evidence
    from app.store import handovers as store
    from app.store.evidence_models import FILE_FAILED, FILE_PRUNED, FILE_SEALED
    from app.store.models_handover import HandoverParcelRow
    from sqlalchemy import select

    parcels = session.scalars(select(HandoverParcelRow).where(HandoverParcelRow.posting_number == ctx.posting)).all()
    for parcel in parcels:
        h = store.get(session, parcel.handover_id)
        if h is None:
            continue
        folder = f"handover-{h.id}"
        if parcel.scanned_at is not None:
            yield TimelineEntry(parcel.scanned_at, "handover", "parcel_scanned_out",
                                {"handover": h.id, "state": parcel.state, "method": h.delivery_method_name or ""},
                                h.station, parcel.scanned_by)
        if h.closed_at is not None:
            yield TimelineEntry(h.closed_at, "handover", "handover_closed_with",
                                {"handover": h.id, "carriage_id": h.carriage_id, "forced_by": h.forced_by or ""},
                                h.station, h.closed_by)
        for kind, stored in (("act", h.act_pdf), ("signed_act", h.receipt_path)):
            if stored:
                path = resolve(ctx.data_dir, stored)
                yield Attachment(f"{folder}/{kind}{Path(stored).suffix}", path if path.exists() else None, kind,
                                 note="" if path.exists() else "the file is not in the data dir any more")
        for row in store_evidence.files_with_key(session, key_of(h.id)):
            name = f"{folder}/{row['kind']}s/{Path(row['path']).name}"
            path = ctx.evidence_dir / row["path"]
            there = row["state"] in (FILE_SEALED, FILE_FAILED) and path.exists()
            note = (f"removed: {row['detail'] or ''}" if row["state"] == FILE_PRUNED else row["detail"] or "")
            yield Attachment(name, path if there else None, row["kind"], row["sha256"], row["seq"], note)
            yield TimelineEntry(row["started_at"], "camera", row["kind"],
                                {"state": row["state"], "purpose": row["purpose"], "sha256": row["sha256"],
                                 "duration_ms": row["duration_ms"], "detail": row["detail"] or "",
                                 "ended_at": row["ended_at"].isoformat() if row["ended_at"] else None},
                                row["station"], row["packer"], files=(name,) if there else ())
