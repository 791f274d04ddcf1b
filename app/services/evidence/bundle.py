"""The dispute bundle of one posting: a ZIP for Ozon's support and for ``packdesk evidence verify``.

    report = make_bundle(db, data_dir, "8001-1", Path("8001-1.zip"), lang="ru", station="bench-1")

Inside: ``summary.pdf`` (``summary``), the clips and photos, the Ozon label's PDF (when this
posting's own), the documents other areas attach (the act...), ``records/events.json`` (the
posting's event records exactly as sealed) and ``manifest.json``: each file's SHA-256 and size, the
evidence log entries of the posting (which seal the records and the files) and the check of the
whole log. Making it first seals the posting's records not sealed yet, and ends with a ``bundle``
entry in the log naming every file's hash, so the bundle itself is on the record.
"""
from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from app.services.evidence import chain, storage, summary, timeline
from app.store import evidence as store_evidence
from app.store import lookups

FORMAT = "packdesk-evidence-bundle/1"
MANIFEST, EVENTS, SUMMARY = "manifest.json", "records/events.json", "summary.pdf"


class NothingToBundle(LookupError):
    """The posting has no record at this bench."""


@dataclass(frozen=True)
class BundleReport:
    path: Path
    files: int
    clips: int
    entries: int
    chain: chain.ChainReport
    font_problems: list[str]


def make_bundle(db, data_dir: Path, posting: str, out: Path, *, lang: str = "ru", station: str = "",
                now: datetime | None = None) -> BundleReport:
    now = now or datetime.now(timezone.utc)
    db.writer.call(lambda s: chain.seal_events(s, posting, now=now, station=station, reason="bundle"))
    ctx = timeline.Context(posting, Path(data_dir), storage.evidence_dir(data_dir))
    with db.read() as session:
        entries, attachments = timeline.gather(session, ctx)
        records = store_evidence.event_records(session, posting)
        sealed = store_evidence.entries_for(session, posting)
        # a file of no posting of its own (a hand-over's clip) was sealed by an entry of its own: carried too
        others = sorted({a.seq for a in attachments if a.seq} - {e["seq"] for e in sealed})
        sealed = sorted([*sealed, *filter(None, (store_evidence.entry(session, seq) for seq in others))],
                        key=lambda e: e["seq"])
        checked = chain.verify_log(session)
        bench_posting = lookups.get_posting(session, posting)
    if not entries and not sealed and bench_posting is None:
        raise NothingToBundle(posting)
    payloads: dict[str, bytes] = {EVENTS: _events_json(records)}
    files, present = [], []
    for item in attachments:
        files.append((item.name, _state(item), item.note, item.sealed_sha256))
        if item.path is not None or item.data is not None:
            present.append(item)
    facts = summary.SummaryFacts(posting, station, now, fields=_fields(bench_posting), items=_items(bench_posting),
                                 entries=entries, files=files, chain=[chain.as_json(e) for e in sealed],
                                 chain_note=_chain_note(checked))
    payloads[SUMMARY], font_problems = summary.render(facts, lang)
    listed = [_listed(name, data, "record" if name == EVENTS else "summary") for name, data in payloads.items()]
    listed += [_listed_file(item) for item in present]
    bundle_entry = db.writer.call(lambda s: chain.append(
        s, kind="bundle", posting_number=posting, station=station, now=now,
        payload={"files": {f["name"]: f["sha256"] for f in listed}, "language": lang}))
    manifest = {"format": FORMAT, "posting": posting, "made_at": chain.iso(now), "station": station,
                "language": lang, "files": listed, "chain": [chain.as_json(e) for e in (*sealed, bundle_entry)],
                "chain_check": {"entries": checked.entries, "head": checked.head, "intact": checked.intact,
                                "broken": str(checked.broken) if checked.broken else None}}
    _write_zip(out, payloads, present, manifest)
    return BundleReport(out, len(listed), sum(1 for i in present if i.kind == "clip"),
                        len(manifest["chain"]), checked, font_problems)


def _events_json(records: list[dict]) -> bytes:
    shown = [{**r, "at": chain.iso(r["at"])} for r in records]
    return json.dumps(shown, ensure_ascii=False, indent=1, sort_keys=True).encode()


def _listed(name: str, data: bytes, kind: str) -> dict:
    return {"name": name, "kind": kind, "sha256": chain.sha256(data), "size": len(data), "sealed_by": None}


def _listed_file(item: timeline.Attachment) -> dict:
    if item.data is not None:
        return _listed(item.name, item.data, item.kind)
    digest, size = chain.file_sha256(item.path)
    return {"name": item.name, "kind": item.kind, "sha256": digest, "size": size, "sealed_by": item.seq,
            "sealed_sha256": item.sealed_sha256}


def _state(item: timeline.Attachment) -> str:
    if item.note.startswith("removed"):
        return "pruned"
    if item.kind in ("clip", "photo"):
        return "failed" if item.note else "sealed"
    return "sealed" if item.seq else ""


def _chain_note(checked: chain.ChainReport) -> tuple[str, dict]:
    if checked.intact:
        return "evsum_chain_intact", {"entries": checked.entries}
    return "evsum_chain_broken", {"where": checked.broken.where, "detail": checked.broken.detail}


def _fields(posting) -> list[tuple[str, str]]:
    """The cached posting's facts for the summary (``app.store.lookups.get_posting``'s row)."""
    if posting is None:
        return []
    packed = f"{summary.local(posting.packed_at)}, {posting.packed_by or ''}" if posting.packed_at else "—"
    weight = f"{posting.measured_weight_g:.0f} g" if posting.measured_weight_g is not None else "—"
    return [("evsum_posting", posting.posting_number), ("evsum_field_order", posting.order_number or "—"),
            ("evsum_field_status", posting.status or "—"),
            ("evsum_field_method", posting.delivery_method_name or "—"),
            ("evsum_field_ship_by", summary.local(posting.shipment_date) if posting.shipment_date else "—"),
            ("evsum_field_packed", packed), ("evsum_field_weight", weight),
            ("evsum_field_tracking", posting.tracking_number or "—")]


def _items(posting) -> list[tuple[str, str]]:
    if posting is None:
        return []
    return [(f"{line.name} (SKU {line.sku}, {line.offer_id})", str(line.quantity)) for line in posting.items]


def _write_zip(out: Path, payloads: dict[str, bytes], present: list[timeline.Attachment], manifest: dict) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    with zipfile.ZipFile(partial, "w") as archive:
        archive.writestr(zipfile.ZipInfo(SUMMARY, _stamp()), payloads[SUMMARY], zipfile.ZIP_DEFLATED)
        for item in present:
            if item.data is not None:
                archive.writestr(zipfile.ZipInfo(item.name, _stamp()), item.data, zipfile.ZIP_STORED)
            else:
                archive.write(item.path, item.name, zipfile.ZIP_STORED)
        archive.writestr(zipfile.ZipInfo(EVENTS, _stamp()), payloads[EVENTS], zipfile.ZIP_DEFLATED)
        archive.writestr(zipfile.ZipInfo(MANIFEST, _stamp()),
                         json.dumps(manifest, ensure_ascii=False, indent=1).encode(), zipfile.ZIP_DEFLATED)
    os.replace(partial, out)


def _stamp() -> tuple[int, ...]:
    return datetime.now().timetuple()[:6]
