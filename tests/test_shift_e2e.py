"""The issue's acceptance shift: 20 postings replayed against the simulator, labels to a TCP printer.

Wrong items, over-scans, unknown barcodes and one posting cancelled mid-pack are sprinkled in.
Exactly the right postings ship with exactly their quantities, once each; the cancelled one
does not; each shipped posting's label reaches the printer once, and the printed bytes decode
back to the pixels of Ozon's PDF page rendered at the printer's resolution.
"""
import json
import subprocess
import sys
from collections import Counter

import pytest

from app.devices.printers import profile_from_uri
from app.devices.printers.decode import decode_job
from app.devices.printers.errors import JobDecodeError
from app.devices.uri import parse_device_uri
from app.services.labels.render import render_pdf_page
from app.services.ozon.client import OzonClient
from app.services.ozon.retired import RETIRED
from app.sim.ozon import OzonSimulator, WorldConfig
from printers_helpers import CaptureServer, printed_form
from test_cli_replay import env_for, plain_postings, units

SHIFT = 20


def shift_script(sim):
    """The events, and for each the code the station must answer (None: not checked line by line)."""
    shift = plain_postings(sim, SHIFT)
    in_shift = {sku for _, lines in shift for sku, _, _, _ in lines}
    stranger = next(p.barcodes[0] for p in sim.world.products if p.sku not in in_shift)  # known, in no posting
    # mid-pack: a posting of two units or more (which postings come first depends on the hour: deadlines)
    cancelled = next((number for number, lines in shift[7:] if len(units(lines)) >= 2), None)
    assert cancelled is not None, "the seed has no posting of two units to cancel mid-pack"
    script, expected = [], []
    for i, (number, lines) in enumerate(shift):
        steps = [({"scan": number}, "posting_opened")]
        scans = units(lines)
        steps += [(event, "item_accepted") for event in scans[:-1]] + [(scans[-1], "posting_complete")]
        if i % 4 == 1:
            steps.insert(1, ({"scan": stranger}, "wrong_item"))
        if i % 6 == 3:
            steps.insert(2, ({"scan": "2000000000008"}, "unknown_barcode"))
        if i % 5 == 2:
            steps.append(({"scan": lines[0][2]}, "over_scan"))
        steps.append(({"weight_g": sum(q * w for _, q, _, w in lines)}, "weight_accepted"))
        if number == cancelled:  # cancelled on Ozon while open: the test cancels it after the first unit
            first_unit = next(k for k, (_, code) in enumerate(steps) if code == "item_accepted")
            steps.insert(first_unit + 1, ({"wait_s": 2.5}, "posting_not_packable"))
            steps = [(event, code if k <= first_unit + 1 else None) for k, (event, code) in enumerate(steps)]
            cancel_after = len(script) + first_unit
        script += [event for event, _ in steps]
        expected += [code for _, code in steps]
    return shift, cancelled, cancel_after, script, expected


@pytest.mark.parametrize("printer", [
    "tcp://127.0.0.1:{port}?lang=tspl&dpi=203",
    "tcp://127.0.0.1:{port}?lang=zpl&dpi=203",
    "tcp://127.0.0.1:{port}?lang=escpos&dpi=203&width=608",
])
def test_a_twenty_posting_shift(tmp_path, qapp, printer):
    with OzonSimulator(WorldConfig(postings=60, seed=23, ship_delay_s=0.2, label_delay_s=0.5)) as sim, \
            CaptureServer() as capture:
        uri = printer.format(port=capture.port)
        shift, cancelled, cancel_after, script, expected = shift_script(sim)
        config = tmp_path / "packdesk.toml"
        config.write_text(f'[station]\nname = "bench-1"\n[devices]\nprinter = "{uri}"\n', encoding="utf-8")
        (tmp_path / "shift.jsonl").write_text("".join(json.dumps(e) + "\n" for e in script), encoding="utf-8")
        proc = subprocess.Popen(
            [sys.executable, "-m", "app", "--config", str(config), "--data-dir", str(tmp_path), "--lang", "ru",
             "replay", str(tmp_path / "shift.jsonl"), "--drain-timeout", "90"],
            env=env_for(sim), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lines = []
        try:
            for raw in proc.stdout:
                lines.append(json.loads(raw))
                if len(lines) - 1 == cancel_after:  # the answer to its first unit: the replay waits next
                    sim.world.cancel(cancelled)
            assert proc.wait(timeout=180) == 0, proc.stderr.read()
        finally:
            proc.kill()
            proc.communicate()

        assert len(lines) == len(script)
        assert [x["event"] for x in lines] == script
        assert [x["code"] if code else None for x, code in zip(lines, expected)] == expected
        after_stop = lines[expected.index("posting_not_packable"):]
        after_stop = after_stop[:next(k for k, x in enumerate(after_stop) if x["code"] == "posting_opened")]
        assert {x["posting"] for x in after_stop} <= {cancelled, None}  # its goods opened no other posting
        assert "weight_accepted" not in [x["code"] for x in after_stop]
        assert all(x["message"] and not x["message"].isascii() for x in lines if not x["ok"])  # in Russian

        shipped = [(n, l) for n, l in shift if n != cancelled]
        for number, posting_lines in shipped:
            assert sim.stats.ship_calls(number) == 1
            ozon = sim.world.peek(number)
            assert ozon.status == "awaiting_deliver"
            assert sorted((x.sku, x.quantity) for x in ozon.lines) == sorted((s, q) for s, q, _, _ in posting_lines)
        assert sim.stats.ship_calls(cancelled) == 0 and sim.world.peek(cancelled).status == "cancelled"

        profile = profile_from_uri(parse_device_uri(uri))
        printed = []
        for job in capture.wait_for(len(shipped), timeout=10):
            try:
                printed += decode_job(job, profile)
            except JobDecodeError:
                assert len(job) < 64, "only a status query may be something other than a label"
        with OzonClient(sim.base_url, "100000", "demo-key") as client:
            expected = [printed_form(render_pdf_page(client.fetch_labels([n]).pdf, 0, profile), profile)
                        for n, _ in shipped]
        assert len(printed) == len(shipped)  # one label per shipped posting
        assert Counter(b.packed() for b in printed) == Counter(b.packed() for b in expected)
        assert not set(sim.stats.as_dict()["requests"]) & set(RETIRED)  # no switched-off method was asked
        assert sim.stats.files()["with_credentials"] == 0  # label files came without the API key
