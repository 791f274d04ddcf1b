"""The receipt of a hand-over: who handed over, when, how many parcels, the carriage and its act,
and a photo or scan of the act the courier signed, attached as a file.

    attach_file(db, data_dir, handover_id, Path("scan.jpg"), by="anna", now=now)   # the CLI, the window
    attach_bytes(db, data_dir, handover_id, jpeg, suffix=".jpg", by=..., now=...)  # bytes from elsewhere

Without an attached file, the camera's photo of the act at the close (when a camera is configured)
is the receipt's signed act.

The file is copied under ``<data_dir>/handovers/<id>/`` (whole or not at all); the hand-over keeps
its path. A second attachment replaces the first in the record (both files stay on disk).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.services.handover.documents import act_path
from app.services.labels import files
from app.store import handovers as store
from app.store.models_handover import PARCEL_DEFERRED, PARCEL_SCANNED

MAX_BYTES = 50 * 1024 * 1024
SUFFIXES = (".jpg", ".jpeg", ".png", ".pdf", ".heic", ".webp", ".tif", ".tiff")


class ReceiptError(Exception):
    """The file cannot be attached (``code`` for app.messages, ``detail``)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code, self.params = code, params


def attach_file(db, data_dir: Path, handover_id: int, source: Path, *, by: str | None, now: datetime) -> Path:
    source = Path(source)
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise ReceiptError("handover_file_unreadable", path=str(source), detail=f"{size} bytes is too big")
        data = source.read_bytes()
    except OSError as exc:
        raise ReceiptError("handover_file_unreadable", path=str(source), detail=exc.strerror or str(exc)) from None
    return attach_bytes(db, data_dir, handover_id, data, suffix=source.suffix.lower() or ".bin", by=by, now=now)


def attach_bytes(db, data_dir: Path, handover_id: int, data: bytes, *, suffix: str, by: str | None,
                 now: datetime) -> Path:
    """The camera's seam: a snapshot's bytes as the signed act."""
    with db.read() as session:
        if store.get(session, handover_id) is None:
            raise ReceiptError("handover_unknown", handover=handover_id)
    suffix = suffix if suffix in SUFFIXES else ".bin"
    stored = files.write_pdf(data_dir, f"signed-act-{now:%Y%m%d-%H%M%S}", data, folder=f"handovers/{handover_id}",
                             suffix=suffix)
    db.writer.call(store.change, handover_id, now, receipt_path=stored, receipt_at=now, receipt_by=by)
    return files.resolve(data_dir, stored)


@dataclass(frozen=True)
class Receipt:
    handover: int
    station: str
    packer: str | None
    delivery_method: str
    departure_date: str
    started_at: datetime
    closed_at: datetime | None
    parcels: int
    deferred: list[str]
    carriage_id: int | None
    act_number: str | None
    act_pdf: str | None
    signed_act: str | None
    forced_by: str | None
    force_reason: str | None

    def as_dict(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in self.__dict__.items()}


def receipt(db, data_dir: Path, handover_id: int) -> Receipt | None:
    """The receipt; its signed act is the file attached, else the camera's photo of the act taken at
    the close (``app.services.handover.evidence``)."""
    from app.services.evidence.storage import evidence_dir
    from app.services.handover.evidence import ACT, key_of
    from app.store import evidence as store_evidence
    from app.store.evidence_models import FILE_SEALED

    with db.read() as session:
        h = store.get(session, handover_id)
        if h is None:
            return None
        scanned = store.numbers_in(session, handover_id, (PARCEL_SCANNED,))
        deferred = store.numbers_in(session, handover_id, (PARCEL_DEFERRED,))
        photos = [f for f in store_evidence.files_with_key(session, key_of(handover_id))
                  if f["purpose"] == ACT and f["state"] == FILE_SEALED]
    act = act_path(data_dir, h.act_pdf)
    signed = act_path(data_dir, h.receipt_path)
    if signed is None and photos:
        signed = evidence_dir(data_dir) / photos[-1]["path"]
    return Receipt(h.id, h.station, h.closed_by or h.packer, h.delivery_method_name or str(h.delivery_method_id),
                   h.departure_date.isoformat(), h.started_at, h.closed_at, len(scanned), deferred, h.carriage_id,
                   str(h.carriage_id) if h.carriage_id else None, str(act) if act else None,
                   str(signed) if signed else None, h.forced_by, h.force_reason)
