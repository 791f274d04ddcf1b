"""A posting's timeline, as a list of typed entries that each area adds to.

A *source* is ``fn(session, context) -> iterable of TimelineEntry and Attachment``; the bundle asks
every source in ``SOURCES`` and sorts the entries by time. Packing (the station's records), the
clips and photos, the label, the commands sent to Ozon and Ozon's status history are here; the
hand-over (carriage, act) and the returns and cases write their source in their own area, of the
entries in ``app.services.evidence.entries``, and ``SOURCES`` lists it (one line each).
An entry's words come from ``app.messages`` (``evidence_tl_<code>``, else the station's message
for that code, else the code itself), so the summary reads in the language asked for.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from app.services.evidence.entries import Attachment, Context, Source, TimelineEntry
from app.services.handover.evidence import timeline_source as handover
from app.services.returns.timeline import returns_and_cases
from app.store import evidence as store_evidence
from app.store import labels as store_labels
from app.store.evidence_models import FILE_FAILED, FILE_PRUNED, FILE_SEALED

__all__ = ["SOURCES", "Attachment", "Context", "Source", "TimelineEntry", "gather"]


def packing_records(session, ctx: Context) -> Iterable[TimelineEntry]:
    """The station's event records of the posting (opened, each unit with its time, weight, ...)."""
    for event in store_evidence.event_records(session, ctx.posting):
        kind = event["kind"]
        area = "return" if kind.startswith("return_") else "case" if kind.startswith("case_") else "packing"
        yield TimelineEntry(event["at"], area, kind, dict(event["data"] or {}), event["station"],
                            event["packer"], record=event["id"])


def camera_files(session, ctx: Context) -> Iterable[TimelineEntry | Attachment]:
    """Each clip and photo: its entry, and the file (or why there is none)."""
    for row in store_evidence.files_for(session, ctx.posting):
        name = f"{row['kind']}s/{Path(row['path']).name}"
        path = ctx.evidence_dir / row["path"]
        there = row["state"] in (FILE_SEALED, FILE_FAILED) and path.exists()
        note = row["detail"] or ""
        if row["state"] == FILE_PRUNED:
            note = f"removed: {note}"
        yield Attachment(name, path if there else None, row["kind"], row["sha256"], row["seq"], note)
        yield TimelineEntry(row["started_at"], "camera", row["kind"],
                            {"state": row["state"], "box": row["box_no"], "duration_ms": row["duration_ms"],
                             "sha256": row["sha256"], "detail": row["detail"] or "", "purpose": row["purpose"],
                             "ended_at": row["ended_at"].isoformat() if row["ended_at"] else None},
                            row["station"], row["packer"], files=(name,) if there else ())


def ozon_label(session, ctx: Context) -> Iterable[TimelineEntry | Attachment]:
    """The Ozon label: when it printed, where, how often; its PDF when it is kept."""
    from app.services.labels.files import holds_only, resolve

    for kind in (store_labels.OZON, store_labels.OWN):
        label = store_labels.get(session, ctx.posting, kind)
        if label is None:
            continue
        files: tuple[str, ...] = ()
        if kind == store_labels.OZON and label.pdf_path:
            path = resolve(ctx.data_dir, label.pdf_path)
            if path.exists() and holds_only(label.pdf_path, ctx.posting):
                files = ("label/ozon-label.pdf",)
                yield Attachment(files[0], path, "label")
            elif path.exists():  # a batch's PDF holds other buyers' labels too: only this one's page
                page = label_page_png(path, label.pdf_page)
                if page is not None:
                    files = ("label/ozon-label.png",)
                    yield Attachment(files[0], None, "label", note=f"page {label.pdf_page + 1}", data=page)
        if label.fetched_at:
            yield TimelineEntry(label.fetched_at, "label", f"label_fetched_{kind}", {}, label.station, files=files)
        if label.printed_at:
            yield TimelineEntry(label.printed_at, "label", f"label_printed_{kind}",
                                {"printer": label.printer or "", "copies": label.copies}, label.station)


def label_page_png(path: Path, page: int) -> bytes | None:
    """One page of a label PDF as a PNG at 300 dpi (QtPdf, the labels' renderer); None if it cannot be."""
    import io

    from app.devices.printers import profile_from_uri
    from app.devices.uri import parse_device_uri
    from app.services.labels.render import LabelRenderError, render_pdf_page

    try:
        bitmap = render_pdf_page(path.read_bytes(), page, profile_from_uri(parse_device_uri("sim://?dpi=300")))
    except (LabelRenderError, OSError):
        return None
    out = io.BytesIO()
    bitmap.to_image().save(out, "PNG")
    return out.getvalue()


def ozon_commands(session, ctx: Context) -> Iterable[TimelineEntry]:
    """What the bench asked of Ozon for the posting (the outbox): when it was queued, and when Ozon
    accepted it or refused it for good (the reason)."""
    from app.store import outbox
    from app.store.models import OUTBOX_DONE, OUTBOX_PARKED

    for command in outbox.for_posting(session, ctx.posting):
        data = {"command": command.kind}
        yield TimelineEntry(command.created_at, "ozon", "ozon_command_queued", data, command.station)
        if command.state == OUTBOX_DONE:
            yield TimelineEntry(command.updated_at, "ozon", "ozon_command_done", data, command.station)
        elif command.state == OUTBOX_PARKED:
            yield TimelineEntry(command.updated_at, "ozon", "ozon_command_parked",
                                {**data, "reason": (command.last_error or "")[:300]}, command.station)


def ozon_statuses(session, ctx: Context) -> Iterable[TimelineEntry]:
    """Ozon's status of the posting each time a sync saw it change (first seen, then each change)."""
    from app.store.status_history import of_posting

    before: tuple[str, str] | None = None
    for status, substatus, seen_at in of_posting(session, ctx.posting):
        now = {"status": status, "substatus": substatus or ""}
        if before is None:  # first seen by a sync
            yield TimelineEntry(seen_at, "tracking", "ozon_status", now)
        else:  # a change: old -> new
            yield TimelineEntry(seen_at, "tracking", "ozon_status_changed",
                                {"before": before[0], "before_substatus": before[1], **now})
        before = (now["status"], now["substatus"])


# every area's source, in the order their entries sort when they share a time
SOURCES: list[Source] = [packing_records, camera_files, ozon_label, ozon_commands, ozon_statuses, handover,
                         returns_and_cases]


def gather(session, ctx: Context, sources: Iterable[Source] = ()) -> tuple[list[TimelineEntry], list[Attachment]]:
    entries: list[TimelineEntry] = []
    attachments: list[Attachment] = []
    for source in (sources or SOURCES):
        for item in source(session, ctx):
            (entries if isinstance(item, TimelineEntry) else attachments).append(item)
    entries.sort(key=lambda e: e.at)
    return entries, attachments
