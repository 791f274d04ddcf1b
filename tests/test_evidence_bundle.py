"""The dispute bundle: what it holds, that it verifies, that a changed byte anywhere is named, and
what the summary does in each language and without fonts."""
from __future__ import annotations

import json
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from app.services.evidence import PackingFollower, summary
from app.services.evidence.bundle import NothingToBundle, make_bundle
from app.services.evidence.fonts import FontChoice, find_fonts
from app.services.evidence.verify import verify_bundle
from evidence_helpers import evidence_for
from station_helpers import CABLE, EAN, MUG, SHOES, mark_code, shop  # noqa: F401

NUMBER = "10000001-0001-1"


@pytest.fixture
def packed(shop):
    evidence, _ = evidence_for(shop)
    station = shop.station()
    station.listen(PackingFollower(evidence, station_name="bench-1", lang="en", packer=lambda: station.packer))
    station.scan(NUMBER)
    for code in (EAN[MUG], EAN[CABLE], EAN[CABLE]):
        station.scan(code)
    assert station.weigh(520).code == "weight_accepted"
    assert evidence.wait_idle(10)
    evidence.close()
    return shop


def _bundle(shop, tmp_path, lang="ru", **kw) -> Path:
    out = tmp_path / "out" / f"{NUMBER}.zip"
    make_bundle(shop.db, shop.path, NUMBER, out, lang=lang, station="bench-1", **kw)
    return out


def _rewrite(path: Path, name: str, change) -> None:
    """Copy the ZIP with one member changed (as someone editing the bundle would)."""
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members[name] = change(members[name])
    with zipfile.ZipFile(path, "w") as archive:
        for n, data in members.items():
            archive.writestr(n, data)


def test_a_bundle_holds_the_summary_the_files_the_records_and_verifies(packed, tmp_path):
    out = _bundle(packed, tmp_path)
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json"))
        records = json.loads(archive.read("records/events.json"))
        pdf = archive.read("summary.pdf")
    assert {"summary.pdf", "manifest.json", "records/events.json"} <= names
    assert {n.split("/")[0] for n in names} >= {"clips", "photos"}
    assert pdf.startswith(b"%PDF")
    kinds = [e["kind"] for e in manifest["chain"]]
    assert kinds[-1] == "bundle" and {"events", "clip", "photo"} <= set(kinds)
    assert manifest["chain_check"]["intact"] and {r["kind"] for r in records} >= {"posting_opened", "item_accepted"}
    verdict = verify_bundle(out)
    assert verdict.ok, verdict.broken
    assert verdict.files == len(manifest["files"]) and verdict.events == len(records)


@pytest.mark.parametrize("member,change,where", [
    ("clips/", lambda b: b[:-1] + bytes([b[-1] ^ 1]), "clips/"),
    ("summary.pdf", lambda b: b[:len(b) // 2] + bytes([b[len(b) // 2] ^ 0x20]) + b[len(b) // 2 + 1:], "summary.pdf"),
])
def test_one_changed_byte_is_named(packed, tmp_path, member, change, where):
    out = _bundle(packed, tmp_path)
    with zipfile.ZipFile(out) as archive:
        name = next(n for n in archive.namelist() if n.startswith(member))
    _rewrite(out, name, change)
    verdict = verify_bundle(out)
    assert not verdict.ok and verdict.broken.where == name and "changed" in verdict.broken.detail


def test_a_record_changed_with_its_manifest_hash_is_still_caught_by_the_log(packed, tmp_path):
    """Editing events.json and fixing its hash in the manifest: the log entry that sealed it disagrees."""
    from app.services.evidence import chain

    out = _bundle(packed, tmp_path)
    with zipfile.ZipFile(out) as archive:
        records = json.loads(archive.read("records/events.json"))
        manifest = json.loads(archive.read("manifest.json"))
    unit = next(r for r in records if r["kind"] == "item_accepted")
    unit["data"]["product"] = "Brick"
    edited = json.dumps(records).encode()
    next(f for f in manifest["files"] if f["name"] == "records/events.json")["sha256"] = chain.sha256(edited)
    _rewrite(out, "records/events.json", lambda _: edited)
    _rewrite(out, "manifest.json", lambda _: json.dumps(manifest).encode())
    verdict = verify_bundle(out)
    assert verdict.broken.where == f"event record #{unit['id']} (item_accepted)"


def test_a_file_changed_on_disk_after_it_was_sealed_shows_in_its_bundle(packed, tmp_path):
    clip = next((packed.path / "evidence" / "clips").rglob("*.mp4"))
    clip.write_bytes(clip.read_bytes() + b"!")
    verdict = verify_bundle(_bundle(packed, tmp_path))
    assert not verdict.ok and verdict.broken.where.startswith("clips/") and "entry #" in verdict.broken.detail


def test_not_a_zip_and_an_unknown_posting(shop, tmp_path):
    bogus = tmp_path / "x.zip"
    bogus.write_bytes(b"hello")
    assert verify_bundle(bogus).broken.where == "x.zip"
    with pytest.raises(NothingToBundle):
        make_bundle(shop.db, shop.path, "99999999-0001-1", tmp_path / "y.zip")


def _page_text(pdf: bytes) -> bytes:
    """The page content streams, inflated (with the built-in Helvetica the words are plain in them)."""
    import re
    import zlib

    return b"".join(zlib.decompress(m) for m in re.findall(rb"stream\n(.*?)\nendstream", pdf, re.S))


@pytest.mark.parametrize("lang,word", [("ru", "Хронология"), ("zh", "时间线"), ("en", "Timeline")])
def test_the_summary_reads_in_the_language_asked(packed, lang, word):
    facts = summary.SummaryFacts(NUMBER, "bench-1", packed.now(), fields=[("evsum_posting", NUMBER)])
    pdf, problems = summary.render(facts, lang)
    assert problems == [] and pdf.startswith(b"%PDF")
    assert summary.describe(summary.TimelineEntry(packed.now(), "packing", "posting_complete", {"total": 3}),
                            lang, NUMBER) != summary.describe(
        summary.TimelineEntry(packed.now(), "packing", "posting_complete", {"total": 3}), "en", NUMBER) \
        or lang == "en"
    assert find_fonts().regular is not None and find_fonts().cjk is not None  # the Makefile installs both


@pytest.mark.parametrize(("lang", "first", "changed"), [
    ("en", "Ozon's status seen by the sync: awaiting packaging / created",
     "Ozon's status changed, seen by the sync: awaiting packaging / created → delivered"),
    ("zh", "同步看到的 Ozon 状态：等待打包 / 已创建", "同步看到 Ozon 状态变更：等待打包 / 已创建 → 已送达"),
    ("ru", "Статус в Ozon по данным синхронизации: ожидает упаковки / создано",
     "Статус в Ozon изменился по данным синхронизации: ожидает упаковки / создано → доставлено"),
])
def test_ozons_statuses_in_the_timeline_are_said_in_words(lang, first, changed):
    at = datetime(2026, 1, 5, 10, 0)
    seen = summary.TimelineEntry(at, "tracking", "ozon_status",
                                 {"status": "awaiting_packaging", "substatus": "posting_created"})
    moved = summary.TimelineEntry(at, "tracking", "ozon_status_changed",
                                  {"before": "awaiting_packaging", "before_substatus": "posting_created",
                                   "status": "delivered", "substatus": ""})
    assert (summary.describe(seen, lang), summary.describe(moved, lang)) == (first, changed)


def test_without_fonts_the_summary_is_still_written_in_english_and_says_so(packed):
    facts = summary.SummaryFacts(NUMBER, "bench-1", packed.now(), fields=[("evsum_posting", "Кружка 杯子")])
    pdf, problems = summary.render(facts, "ru", FontChoice(None, None, None, ["latin-cyrillic", "chinese"]))
    assert pdf.startswith(b"%PDF") and problems == ["latin-cyrillic", "chinese"]
    shown = _page_text(pdf)
    assert b"Evidence for posting" in shown and b"?????? ??" in shown  # English; letters it lacks: "?"
    only_latin = find_fonts()
    pdf, problems = summary.render(facts, "zh", FontChoice(only_latin.regular, only_latin.bold, None, ["chinese"]))
    assert problems == ["chinese"] and pdf.startswith(b"%PDF")


def test_a_label_fetched_in_a_batch_goes_in_as_its_own_page_only(qapp, packed, tmp_path):
    """A label task's PDF holds other buyers' labels too: the bundle carries this posting's page, as a picture."""
    from app.services.labels.files import write_pdf
    from app.sim.ozon import pdf
    from app.store import labels as store_labels

    pages = []
    for text in ("THIS PARCEL", "SOMEONE ELSE"):
        page = pdf.Page(212.6, 340.2)  # 75x120 mm
        page.rect(20, 20, 150, 40 if text == "THIS PARCEL" else 200)
        page.text(20, 100, 14, text)
        pages.append(page)
    stored = write_pdf(packed.path, f"{NUMBER}+1", pdf.build(pages))

    def fetched(session):
        store_labels.ensure(session, [NUMBER], station="bench-1", now=packed.now())
        label = store_labels.get(session, NUMBER)
        store_labels.mark_fetched(session, label.id, pdf_path=stored, page=0, now=packed.now())

    packed.db.writer.call(fetched)
    out = _bundle(packed, tmp_path)
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        png = archive.read("label/ozon-label.png")
    assert "label/ozon-label.pdf" not in names and png.startswith(b"\x89PNG")
    from io import BytesIO

    from PIL import Image

    with Image.open(BytesIO(png)) as image:  # the first page's small box, not the second page's tall one
        black = image.convert("L").point(lambda v: 255 if v < 128 else 0).getbbox()
    assert black is not None and (black[3] - black[1]) < 600  # box + text ~85 pt at 300 dpi (~350 px); the tall box is 833 px
    assert verify_bundle(out).ok


@pytest.mark.parametrize("stem, posting, alone", [
    ("12345678-0001-1", "12345678-0001-1", True),
    ("12345678-0001-1+2", "12345678-0001-1", False),       # a batch named after this posting
    ("12345678-0001-1+2", "12345678-0001-2", False),       # a batch that holds it on page 2
    ("12345678-0001-10", "12345678-0001-1", False),        # another posting whose number starts the same
])
def test_a_label_file_is_this_postings_alone_only_when_written_for_it_alone(tmp_path, stem, posting, alone):
    from app.services.labels.files import holds_only, write_pdf

    assert holds_only(write_pdf(tmp_path, stem, b"%PDF-1.4\n"), posting) is alone


def test_the_timeline_says_what_was_asked_of_ozon_and_what_ozon_answered(packed):
    from datetime import timedelta

    from app.services.evidence import storage, timeline
    from app.store import outbox
    from app.store.models import OUTBOX_DONE

    def read():
        with packed.db.read() as session:
            entries, _ = timeline.gather(session, timeline.Context(NUMBER, packed.path, storage.evidence_dir(packed.path)))
        return [(e.code, summary.describe(e, "en", NUMBER)) for e in entries if e.area == "ozon"]

    assert read() == [("ozon_command_queued", "Command 'ship' queued for Ozon.")]
    with packed.db.read() as session:
        ship = outbox.for_posting(session, NUMBER)[0].id
    packed.db.writer.call(outbox.mark, ship, OUTBOX_DONE, now=packed.now() + timedelta(minutes=3))
    assert [code for code, _ in read()] == ["ozon_command_queued", "ozon_command_done"]
    assert read()[1][1] == "Ozon accepted the command 'ship'."
