"""Shift figures from the event log, on SQLite and PostgreSQL, on an injected clock: postings and
units packed, seconds per posting and unit, mistakes by kind, overrides, per packer/station/day."""
from __future__ import annotations

from datetime import timedelta, timezone

import pytest

from app.services.people import directory
from app.services.stats.figures import shift_figures, totals, utc_bounds
from station_helpers import CABLE, EAN, MUG, NOW, Shop, write_shop
from store_helpers import db, pg_url, sqlite_template  # noqa: F401


@pytest.fixture
def shift(db, tmp_path):  # noqa: F811
    """Anna at bench-1: the mug posting in 60 s (a wrong item on the way), then -0001-1 (3 units) in
    90 s the next day after a weight Boris overrides."""
    write_shop(db)
    shop = Shop(db, tmp_path)
    directory.add(db, "Anna", "packer")
    directory.add(db, "Boris", "supervisor")
    anna, boris = directory.issue_badge(db, "Anna"), directory.issue_badge(db, "Boris")
    bench = shop.station("bench-1", packer=None, idle_sign_out_s=86_400 * 3)
    bench.scan(f"CMD:LOGIN:{anna}")
    bench.scan("10000002-0001-1")
    bench.scan(EAN[CABLE])  # not in it: a wrong item
    bench.scan("CMD:ACK")
    shop.clock[0] = NOW + timedelta(seconds=60)
    bench.scan(EAN[MUG])
    assert bench.weigh(400).code == "weight_accepted"
    shop.clock[0] = NOW + timedelta(days=1)
    bench.scan("10000001-0001-1")
    for code in (EAN[MUG], EAN[CABLE], EAN[CABLE]):
        bench.scan(code)
    shop.clock[0] = NOW + timedelta(days=1, seconds=90)
    assert bench.weigh(5000).code == "weight_mismatch"
    assert bench.override_weight(boris).code == "weight_accepted"
    return shop


def test_figures_per_packer_station_and_day(shift):
    day1, day2 = NOW.date(), (NOW + timedelta(days=1)).date()
    rows = [row.as_json() for row in shift_figures(shift.db, day1, day2)]
    assert rows == [
        {"date": day1.isoformat(), "station": "bench-1", "packer": "Anna", "postings": 1, "units": 1,
         "seconds_per_unit": 60.0,
         "mistakes": {"wrong_item": 1, "over_scan": 0, "unknown_barcode": 0, "weight_mismatch": 0},
         "overrides": 0, "handed_over": 0},
        {"date": day2.isoformat(), "station": "bench-1", "packer": "Anna", "postings": 1, "units": 3,
         "seconds_per_unit": 30.0,
         "mistakes": {"wrong_item": 0, "over_scan": 0, "unknown_barcode": 0, "weight_mismatch": 1},
         "overrides": 1, "handed_over": 0},
    ]
    assert [row.seconds_per_posting for row in shift_figures(shift.db, day1, day2)] == [60.0, 90.0]
    assert totals(shift_figures(shift.db, day1, day2)) == {"Anna": {"postings": 2, "units": 4, "mistakes": 2,
                                                                     "overrides": 1}}
    assert [row.date for row in shift_figures(shift.db, day2, day2)] == [day2.isoformat()]


def test_days_are_counted_in_the_benchs_zone():
    moscow = timezone(timedelta(hours=3))
    start, end = utc_bounds(NOW.date(), NOW.date(), moscow)
    assert (start, end) == (NOW.replace(hour=0) - timedelta(hours=3), NOW.replace(hour=0) + timedelta(hours=21))


def test_packdesk_report_writes_json_and_a_one_page_pdf(shift, tmp_path):
    import json
    import os
    import subprocess
    import sys

    shift.db.close()  # the command opens the cache itself (SQLite: the same file)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKDESK_")}
    if shift.db.dialect != "sqlite":
        env["PACKDESK_DB_URL"] = shift.db.engine.url.render_as_string(hide_password=False)
    config = tmp_path / "packdesk.toml"
    config.write_text('[station]\nname = "bench-1"\n', encoding="utf-8")
    period = ["--from", (NOW - timedelta(days=1)).date().isoformat(), "--to", (NOW + timedelta(days=2)).date().isoformat()]

    def report(*extra):
        return subprocess.run([sys.executable, "-m", "app", "--config", str(config), "--data-dir", str(tmp_path),
                               "--lang", "ru", "report", *period, *extra], capture_output=True, text=True,
                              timeout=120, env=env)
    answer = report("--json")
    assert answer.returncode == 0, answer.stderr
    rows = json.loads(answer.stdout)
    assert sum(row["postings"] for row in rows) == 2 and {row["packer"] for row in rows} == {"Anna"}
    assert set(rows[0]) == {"date", "station", "packer", "postings", "units", "seconds_per_unit", "mistakes",
                            "overrides", "handed_over"}  # CONTRACT.md's keys, exactly
    pdf = tmp_path / "shift.pdf"
    saved = report("--pdf", str(pdf))
    assert saved.returncode == 0 and saved.stdout.strip() == f"Отчёт о смене сохранён в {pdf}"
    written = pdf.read_bytes()
    assert written.startswith(b"%PDF") and b"/Count 1" in written  # one page
    nowhere = tmp_path / "no-such-folder" / "shift.pdf"
    refused = report("--pdf", str(nowhere))  # a person's mistake: said, no traceback, nothing half-written
    assert refused.returncode == 1 and refused.stderr.startswith(f"packdesk: Не удалось записать {nowhere}: ")
    assert "Traceback" not in refused.stderr and not nowhere.parent.exists()
    table = report()
    assert table.returncode == 0 and "Anna" in table.stdout and "Упаковщик" in table.stdout

