"""The sim:// printer: the production seam end to end, each label saved as a PNG of what it prints."""
from datetime import datetime, timezone

import pytest
from PIL import Image

from app.devices.printers import Bitmap, PrinterNoPaper, PrinterOffline, PrinterProfile, open_printer
from app.devices.printers.transports.sim import SimTransport
from printers_helpers import LANGS, SAMPLES, printed_form

LABEL = SAMPLES["label-203"]


@pytest.mark.parametrize("uri", [f"sim://?lang={lang}" for lang in LANGS]
                         + ["sim://?lang=tspl&invert=1", "sim://?lang=zpl&zpl=z64", "sim://?lang=escpos&width=384"])
def test_sim_printer_saves_a_png_equal_to_the_label(tmp_path, uri):
    with open_printer(uri, sim_dir=tmp_path / "printed") as printer:
        printer.print_bitmap(LABEL)
        [path] = printer.transport.saved
    assert path.parent == tmp_path / "printed" and path.suffix == ".png"
    with Image.open(path) as image:
        assert Bitmap.from_image(image) == printed_form(LABEL, printer.profile)
    assert printer.transport.printed == [printed_form(LABEL, printer.profile)]


def test_sim_file_names_are_timestamped_and_numbered(tmp_path):
    moment = datetime(2026, 3, 1, 12, 30, 5, 123456, tzinfo=timezone.utc)
    transport = SimTransport(PrinterProfile(lang="zpl"), tmp_path, clock=lambda: moment)
    job = b"^XA^FO0,0^GFA,1,1,1,80^FS^XZ^XA^FO0,0^GFA,1,1,1,40^FS^XZ"
    transport.send(job)
    assert [p.name for p in transport.saved] == ["label-20260301-123005-123456-1.png",
                                                  "label-20260301-123005-123456-2.png"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [p.name for p in transport.saved]


def test_sim_without_directory_keeps_labels_in_memory():
    printer = open_printer("sim://?lang=epl")
    printer.print_bitmap(SAMPLES["checker"])
    assert printer.transport.saved == []
    assert printer.transport.printed == [SAMPLES["checker"].fit(*printer.profile.label_dots)]


@pytest.mark.parametrize("lang", LANGS)
def test_sim_out_of_paper_is_reported_before_printing(tmp_path, lang):
    printer = open_printer(f"sim://?lang={lang}", sim_dir=tmp_path)
    printer.transport.paper_out = True
    with pytest.raises(PrinterNoPaper) as caught:
        printer.print_bitmap(LABEL)
    assert caught.value.kind == "no_paper"
    assert printer.transport.saved == [] and list(tmp_path.iterdir()) == []
    expected = None if lang == "epl" else "no_paper"  # EPL has no status query: the send itself fails
    status = printer.status()
    assert (status.problem if status else None) == expected
    printer.transport.paper_out = False
    printer.print_bitmap(LABEL)
    assert len(printer.transport.saved) == 1


def test_sim_offline(tmp_path):
    printer = open_printer("sim://?lang=tspl", sim_dir=tmp_path)
    printer.transport.online = False
    with pytest.raises(PrinterOffline) as caught:
        printer.print_bitmap(LABEL)
    assert caught.value.kind == "offline"


@pytest.mark.parametrize("lang", LANGS)
def test_a_probe_says_how_the_printer_is_before_any_label(tmp_path, lang):
    printer = open_printer(f"sim://?lang={lang}", sim_dir=tmp_path)
    asked = lang != "epl"  # EPL has no status query: the probe cannot tell
    assert printer.probe() == ("connected" if asked else None)
    printer.transport.paper_out = True
    assert printer.probe() == ("no_paper" if asked else None)
    printer.transport.online = False
    assert printer.probe() == ("offline" if asked else None)
    assert printer.transport.printed == []  # asking prints nothing


def test_a_probe_of_a_network_printer_nobody_answers_for_says_refused():
    import socket

    with socket.socket() as unused:  # a loopback port nobody listens on: the connection is refused
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    assert open_printer(f"tcp://127.0.0.1:{port}?lang=tspl").probe() == "refused"
