"""Cases: the seller's record of a dispute about one posting — its type (damaged, missing item, wrong
item, not delivered, return), notes, a resolution (refund, resend, rejected) and attachments (files
copied under ``<data dir>/evidence/cases/`` with their SHA-256, sealed in the evidence log). An open
case keeps the posting's clips and photos (``KEEP_RULES`` of app.services.evidence.storage, by the
store's ``app.store.returns.postings_with_open_cases``).

Each change is one transaction and one event-log line (``case_opened``, ``case_note``,
``case_attachment``, ``case_closed``); the bundle's timeline shows them (``timeline_entries``).
"""
from __future__ import annotations

import hashlib
import shutil
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.services.evidence import storage
from app.store import events as store_events
from app.store.models import PostingRow
from app.store.models_returns import CASE_CLOSED, CASE_OPEN, CASE_TYPES, RESOLUTIONS, CaseRow, ReturnRow


class CaseError(ValueError):
    """A request about a case that cannot be done (``code``: a message key of app.messages.returns)."""

    def __init__(self, code: str, **data) -> None:
        super().__init__(code)
        self.code, self.data = code, data


def _log(session, kind: str, case: CaseRow, by: str | None, now: datetime, **data) -> None:
    """The event-log line (``station``: the bench or person who did it)."""
    store_events.append_event(session, kind=kind, station=by or "", packer=by, posting_number=case.posting_number,
                              data={"case": case.id, "type": case.type, **data}, now=now)


def open_case(session, posting_number: str, case_type: str, *, note: str = "", by: str | None, now: datetime,
              return_id: int | None = None) -> CaseRow:
    if case_type not in CASE_TYPES:
        raise CaseError("case_bad_type", value=case_type, allowed=", ".join(CASE_TYPES))
    if session.get(PostingRow, posting_number) is None:
        raise CaseError("case_posting_unknown", posting=posting_number)
    case = CaseRow(posting_number=posting_number, type=case_type, state=CASE_OPEN, notes=[], attachments=[],
                   return_id=return_id, opened_by=by, created_at=now, updated_at=now)
    if note.strip():
        case.notes = [{"at": now.isoformat(), "by": by, "text": note.strip()}]
    session.add(case)
    session.flush()
    _log(session, "case_opened", case, by, now, note=note.strip())
    return case


def open_for_return(session, row: ReturnRow, *, by: str | None, now: datetime) -> CaseRow:
    """A return closed with units not as shipped: a ``wrong_item`` case (one per return)."""
    existing = session.scalars(select(CaseRow).where(CaseRow.return_id == row.id)).first()
    if existing is not None:
        return existing
    notes = "; ".join(n.get("text", "") for n in row.notes or [])
    return open_case(session, row.posting_number, "wrong_item", by=by, now=now, return_id=row.id,
                     note=f"return {row.barcode}: a unit came back that did not ship" + (f" ({notes})" if notes else ""))


def get_case(session, case_id: int) -> CaseRow:
    case = session.get(CaseRow, case_id)
    if case is None:
        raise CaseError("case_not_found", case=case_id)
    return case


def add_note(session, case_id: int, note: str, *, by: str | None, now: datetime) -> CaseRow:
    case = get_case(session, case_id)
    case.notes = [*(case.notes or []), {"at": now.isoformat(), "by": by, "text": note.strip()}]
    case.updated_at = now
    _log(session, "case_note", case, by, now, note=note.strip())
    return case


def attach(session, case_id: int, source: Path, data_dir: Path, *, by: str | None, now: datetime) -> CaseRow:
    """Copy ``source`` under the evidence dir (``cases/<id>/``) and record it with its SHA-256."""
    case = get_case(session, case_id)
    source = Path(source)
    try:
        content = source.read_bytes()
    except OSError as exc:
        raise CaseError("case_attachment_missing", path=str(source), detail=exc.strerror or str(exc)) from None
    relative = f"cases/{case.id}/{source.name}"
    target = storage.evidence_dir(data_dir) / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    digest = hashlib.sha256(content).hexdigest()
    case.attachments = [*(case.attachments or []), {"name": source.name, "path": relative, "sha256": digest,
                                                    "size": len(content), "at": now.isoformat()}]
    case.updated_at = now
    _log(session, "case_attachment", case, by, now, name=source.name, sha256=digest)
    return case


def resolve(session, case_id: int, resolution: str, *, by: str | None, now: datetime, note: str = "") -> CaseRow:
    if resolution not in RESOLUTIONS:
        raise CaseError("case_bad_resolution", value=resolution, allowed=", ".join(RESOLUTIONS))
    case = get_case(session, case_id)
    if note.strip():
        case.notes = [*(case.notes or []), {"at": now.isoformat(), "by": by, "text": note.strip()}]
    case.resolution, case.state, case.closed_at, case.updated_at = resolution, CASE_CLOSED, now, now
    _log(session, "case_closed", case, by, now, resolution=resolution)
    return case


def listing(session, *, posting: str | None = None, open_only: bool = False, limit: int = 500) -> list[CaseRow]:
    query = select(CaseRow).order_by(CaseRow.id.desc()).limit(limit)
    if posting:
        query = query.where(CaseRow.posting_number == posting)
    if open_only:
        query = query.where(CaseRow.state == CASE_OPEN)
    return list(session.scalars(query))


def as_dict(case: CaseRow) -> dict:
    return {"id": case.id, "posting_number": case.posting_number, "type": case.type, "state": case.state,
            "resolution": case.resolution, "notes": list(case.notes or []), "attachments": list(case.attachments or []),
            "return_id": case.return_id, "opened_by": case.opened_by, "created_at": case.created_at.isoformat(),
            "updated_at": case.updated_at.isoformat(),
            "closed_at": case.closed_at.isoformat() if case.closed_at else None}
