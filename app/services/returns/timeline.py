"""Returns and cases in a posting's dispute bundle (a source of app.services.evidence.timeline).

The bench's own decisions about a return or a case (opened, each unit scanned back, notes, closed)
are the posting's event records and come with them; this source adds what Ozon said about each
return (its type, reason and state as last synced) and each case as it stands now, and carries
the case's attachments (with the SHA-256 recorded when they were attached)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from app.services.evidence.entries import Attachment, Context, TimelineEntry
from app.services.returns import cases as case_rules
from app.store import returns as store


def returns_and_cases(session, ctx: Context) -> Iterable[TimelineEntry | Attachment]:
    for row in store.of_posting(session, ctx.posting):
        at = row.created_at or row.synced_at or row.opened_at
        if at is not None:
            yield TimelineEntry(at, "return", "return_listed",
                                {"return_number": row.barcode, "kind": row.kind, "reason": row.reason or "—",
                                 "product": row.name, "quantity": row.quantity,
                                 # Ozon's state, said in the summary's language (app.messages.return_states)
                                 "scheme": row.scheme, "state": row.state, "group_state": row.group_state,
                                 "state_name": row.state_name})
    for case in reversed(case_rules.listing(session, posting=ctx.posting)):
        names = []
        for item in case.attachments or []:
            name = f"cases/{case.id}/{item['name']}"
            path = ctx.evidence_dir / item["path"]
            names.append(name)
            yield Attachment(name, path if path.exists() else None, "case", item.get("sha256"),
                             note="" if path.exists() else "missing")
        if case.closed_at is not None:
            yield TimelineEntry(case.closed_at, "case", "case_resolution",
                                {"case": case.id, "resolution": case.resolution or ""}, files=tuple(names))
        elif names:
            yield TimelineEntry(case.updated_at or datetime.min, "case", "case_files",
                                {"case": case.id, "count": len(names)}, files=tuple(names))
