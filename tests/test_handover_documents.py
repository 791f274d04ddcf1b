"""The hand-over's paper: the document printer of ``[devices] document_printer``, the carriage
barcode as a label, the signed act attached as the receipt, and ``packdesk handover``."""
from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timezone

import pytest
import zxingcpp

from app.cli import main
from app.devices.documents import DocumentPrintError, open_document_printer
from app.devices.printers.profile import PrinterProfile
from app.devices.uri import DeviceUriError
from app.services.handover.documents import barcode_label
from app.services.handover.receipt import ReceiptError, attach_bytes, attach_file, receipt
from handover_helpers import shop  # noqa: F401  (fixture)
from printers_helpers import CaptureServer

PDF = b"%PDF-1.4\nan act\n%%EOF\n"


@pytest.fixture
def act(tmp_path):
    path = tmp_path / "carriage-1-act.pdf"
    path.write_bytes(PDF)
    return path


@pytest.mark.parametrize("uri,scheme,target", [
    ("cups://Office", "cups", "Office"), ("tcp://10.0.0.5", "tcp", "10.0.0.5:9100"),
    ("tcp://10.0.0.5:9101", "tcp", "10.0.0.5:9101"), ("file:/srv/acts", "file", "/srv/acts"), ("sim://", "sim", ""),
    ("win://HP LaserJet", "win", "HP LaserJet"),
])
def test_document_printer_uris(uri, scheme, target):
    printer = open_document_printer(uri)
    assert (printer.scheme, printer.target) == (scheme, target)


@pytest.mark.parametrize("uri", ["usb://0fe6:811e", "cups://", "pigeon://coop"])
def test_a_document_printer_that_cannot_be(uri):
    with pytest.raises(DeviceUriError):
        open_document_printer(uri)


def test_no_document_printer_configured():
    assert open_document_printer("") is None and open_document_printer("  ") is None


def test_copies_and_raw_printing(tmp_path, act):
    folder = tmp_path / "out"
    assert open_document_printer(f"file:{folder}").print_pdf(act) == str(folder / act.name)
    assert (folder / act.name).read_bytes() == PDF
    assert open_document_printer("sim://", sim_dir=tmp_path / "printed").print_pdf(act).endswith(act.name)
    with CaptureServer() as server:
        assert open_document_printer(f"tcp://127.0.0.1:{server.port}").print_pdf(act).startswith("tcp://")
        assert server.wait_for(1, timeout=5) == [PDF]


def test_cups_takes_the_pdf_through_lp(tmp_path, act, monkeypatch):
    called = tmp_path / "lp-args"
    lp = tmp_path / "bin" / "lp"
    lp.parent.mkdir()
    lp.write_text(f"#!/bin/sh\necho \"$@\" > {called}\n", encoding="utf-8")
    lp.chmod(lp.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{lp.parent}{os.pathsep}{os.environ['PATH']}")
    assert open_document_printer("cups://Office").print_pdf(act, title="act") == "cups://Office"
    assert called.read_text().split() == ["-d", "Office", "-t", "act", str(act)]
    lp.write_text("#!/bin/sh\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n", encoding="utf-8")
    with pytest.raises(DocumentPrintError, match="does not exist"):
        open_document_printer("cups://Office").print_pdf(act)
    with pytest.raises(DocumentPrintError, match="does not exist"):
        open_document_printer("cups://Office").print_pdf(tmp_path / "gone.pdf")


@pytest.mark.parametrize("profile", [PrinterProfile(), PrinterProfile(size_mm=(58.0, 40.0)),
                                     PrinterProfile(lang="zpl", dpi=300)])
def test_the_carriage_barcode_label_reads_back(profile):
    bitmap = barcode_label("%303%69394001", "Carriage 69394001", profile)
    assert (bitmap.width, bitmap.height) == profile.label_dots
    found = zxingcpp.read_barcodes(bitmap.to_image().convert("L"), formats=zxingcpp.BarcodeFormat.Code128)
    assert [b.text for b in found] == ["%303%69394001"]


def closed_handover(shop) -> int:
    method = shop.method_with("ozon")
    numbers = shop.ship(shop.packable("ozon", method)[:2])
    shop.scan(f"CMD:HANDOVER:{method}")
    for number in numbers:
        shop.scan(number)
    handover_id = shop.scan("CMD:HANDOVER-CLOSE").data["handover"]
    shop.sync()
    return handover_id


def test_the_receipt_has_who_when_how_many_the_carriage_and_the_signed_act(shop, tmp_path):
    handover_id = closed_handover(shop)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    photo = tmp_path / "signed.JPG"
    photo.write_bytes(b"\xff\xd8 a photo of the signed act")
    db, data_dir = shop.bench.db, shop.bench.config.data_dir
    stored = attach_file(db, data_dir, handover_id, photo, by="anna", now=now)
    assert stored.read_bytes() == photo.read_bytes() and stored.suffix == ".jpg"
    assert stored.parent == data_dir / "handovers" / str(handover_id)
    found = receipt(db, data_dir, handover_id)
    h = shop.handover(handover_id)
    assert (found.parcels, found.carriage_id, found.act_number, found.signed_act) == (
        2, h.carriage_id, str(h.carriage_id), str(stored))
    assert found.act_pdf.endswith(".pdf") and found.closed_at == h.closed_at and found.station == "bench-1"
    snapshot = attach_bytes(db, data_dir, handover_id, b"\x89PNG camera", suffix=".png", by="anna", now=now)
    assert receipt(db, data_dir, handover_id).signed_act == str(snapshot)  # the camera's seam (issue 12)
    with pytest.raises(ReceiptError) as unknown:
        attach_bytes(db, data_dir, 999, b"x", suffix=".jpg", by=None, now=now)
    assert unknown.value.code == "handover_unknown"
    with pytest.raises(ReceiptError) as unreadable:
        attach_file(db, data_dir, handover_id, tmp_path / "no-such.jpg", by=None, now=now)
    assert unreadable.value.code == "handover_file_unreadable"


def test_packdesk_handover(shop, tmp_path, capsys):
    handover_id = closed_handover(shop)
    shop.bench.close()
    config = shop.bench.config
    toml = tmp_path / "packdesk.toml"
    toml.write_text('[station]\nname = "bench-1"\n', encoding="utf-8")
    base = ["--config", str(toml), "--data-dir", str(config.data_dir), "--lang", "en", "handover"]
    assert main([*base, "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["last"]["id"] == handover_id and status["last"]["close_step"] == "done"
    assert status["open"] is None and status["flagged"] == []
    scan = tmp_path / "act.pdf"
    scan.write_bytes(PDF)
    assert main([*base, "attach", str(handover_id), str(scan)]) == 0
    assert f"hand-over {handover_id} is attached" in capsys.readouterr().out
    assert main([*base, "receipt", str(handover_id), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["parcels"] == 2 and found["signed_act"].endswith(".pdf")
    assert main([*base, "receipt", "999"]) == 1
    assert "No hand-over 999" in capsys.readouterr().err
    assert main([*base, "arbitrate", "12345678-0001-1"]) == 1  # no flag on it: nothing to dispute
    assert "nothing to dispute" in capsys.readouterr().out
