"""``verify_bundle(path)``: does a dispute bundle still match its records? The first mismatch, named.

Checked, in this order: the ZIP and its ``manifest.json``; every listed file against its SHA-256
(and no file that is not listed); every evidence log entry against its own hashes, and each entry
against the one before it where both are in the bundle; each clip and photo against the entry that
sealed it when it was made; each event record against the entry that sealed it; the bundle's own
entry against the manifest's list. A bundle passes only when all hold.
"""
from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from app.services.evidence import chain
from app.services.evidence.bundle import EVENTS, FORMAT, MANIFEST

CHUNK = 1 << 20


@dataclass(frozen=True)
class Verdict:
    ok: bool
    broken: chain.Break | None = None
    files: int = 0
    entries: int = 0
    events: int = 0


def verify_bundle(path: Path) -> Verdict:
    try:
        with zipfile.ZipFile(path) as archive:
            return _verify(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        return Verdict(False, chain.Break(Path(path).name, f"not a readable ZIP file ({exc})"))


def _verify(archive: zipfile.ZipFile) -> Verdict:
    def fail(where: str, detail: str) -> Verdict:
        return Verdict(False, chain.Break(where, detail))

    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        return fail(MANIFEST, "missing")
    except ValueError as exc:
        return fail(MANIFEST, f"not valid JSON ({exc})")
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        return fail(MANIFEST, f"not a packdesk evidence bundle (format {FORMAT} expected)")
    listed = {f["name"]: f for f in manifest.get("files", [])}
    names = set(archive.namelist()) - {MANIFEST}
    for name, f in listed.items():
        if name not in names:
            return fail(name, "listed in the manifest but missing from the bundle")
        digest = _sha256(archive, name)
        if digest != f["sha256"]:
            return fail(name, f"its SHA-256 is {digest}, the manifest recorded {f['sha256']}: the file was changed")
    extra = sorted(names - set(listed))
    if extra:
        return fail(extra[0], "not listed in the manifest")
    entries = manifest.get("chain", [])
    by_seq = {e["seq"]: e for e in entries}
    for entry in entries:
        broken = chain.check_entry(entry)
        if broken is None and entry["seq"] - 1 in by_seq and entry["prev_hash"] != by_seq[entry["seq"] - 1]["entry_hash"]:
            broken = chain.Break(f"evidence log entry #{entry['seq']}", "it does not follow the entry before it")
        if broken is not None:
            return Verdict(False, broken)
    for name, f in listed.items():
        if f.get("sealed_by") is None:
            continue
        entry = by_seq.get(f["sealed_by"])
        if entry is None:
            return fail(name, f"the evidence log entry #{f['sealed_by']} that sealed it is not in the bundle")
        if entry["payload"].get("sha256") != f["sha256"]:
            return fail(name, f"differs from the file sealed by evidence log entry #{entry['seq']} when it was "
                              "recorded: it was changed afterwards")
    records = json.loads(archive.read(EVENTS)) if EVENTS in listed else []
    by_id = {r["id"]: r for r in records}
    sealed_ids: set[int] = set()
    for entry in entries:
        if entry["kind"] == "events":
            broken = chain.check_events(entry, by_id)
            if broken is not None:
                return Verdict(False, broken)
            sealed_ids |= {pair[0] for pair in entry["payload"].get("events", [])}
    unsealed = sorted(set(by_id) - sealed_ids)
    if unsealed:
        return fail(f"event record #{unsealed[0]}", "no evidence log entry in the bundle seals it")
    bundle_entries = [e for e in entries if e["kind"] == "bundle"]
    if not bundle_entries:
        return fail(MANIFEST, "the evidence log entry of the bundle itself is missing")
    recorded = bundle_entries[-1]["payload"].get("files", {})
    for name, f in listed.items():
        if recorded.get(name) != f["sha256"]:
            return fail(name, f"differs from what evidence log entry #{bundle_entries[-1]['seq']} recorded "
                              "when the bundle was made")
    if set(recorded) != set(listed):
        missing = sorted(set(recorded) - set(listed))
        return fail(missing[0] if missing else MANIFEST, "recorded when the bundle was made, but not in the manifest")
    return Verdict(True, None, len(listed), len(entries), len(records))


def _sha256(archive: zipfile.ZipFile, name: str) -> str:
    import hashlib

    digest = hashlib.sha256()
    with archive.open(name) as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
