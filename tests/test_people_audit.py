"""The audit, on SQLite and PostgreSQL: who did what, where, when, filtered, and the CSV written for
it; and ``packdesk people`` as a user runs it (a real process)."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest

from app.services.people import audit, directory
from app.services.people.audit import AuditFilter
from app.services.station import results as r
from station_helpers import EAN, MUG, NOW, Shop, write_shop
from store_helpers import db, pg_url, sqlite_template  # noqa: F401


@pytest.fixture
def shift(db, tmp_path):  # noqa: F811
    """Anna packs a mug at bench-1 at 09:00, Boris overrides nothing at bench-2 at 10:00."""
    write_shop(db)
    shop = Shop(db, tmp_path)
    directory.add(db, "Anna", "packer")
    directory.add(db, "Boris", "supervisor")
    anna, boris = directory.issue_badge(db, "Anna"), directory.issue_badge(db, "Boris")
    one = shop.station("bench-1", packer=None)
    one.scan(f"CMD:LOGIN:{anna}")
    one.scan(EAN[MUG])
    one.weigh(400)
    shop.clock[0] = NOW + timedelta(hours=1)
    two = shop.station("bench-2", packer=None)
    two.scan(f"CMD:LOGIN:{boris}")
    two.scan("10000006-0001-1")
    two.scan(EAN[MUG])  # not in it: wrong_item, Boris's
    return shop


def test_the_audit_filters_by_person_station_kind_and_time(shift):
    everything = audit.read(shift.db, AuditFilter())
    assert [row.at for row in everything] == sorted((row.at for row in everything), reverse=True)
    annas = audit.read(shift.db, AuditFilter(packer="Anna"))
    assert {row.station for row in annas} == {"bench-1"}
    assert [row.kind for row in annas][::-1] == [r.PACKER_SIGNED_IN, r.POSTING_OPENED, r.POSTING_COMPLETE, "packed",
                                                  r.WEIGHT_ACCEPTED]
    wrong = audit.read(shift.db, AuditFilter(kind=r.WRONG_ITEM))
    assert [(row.packer, row.station, row.posting_number) for row in wrong] == [("Boris", "bench-2", "10000006-0001-1")]
    later = audit.read(shift.db, AuditFilter(since=NOW + timedelta(minutes=30)))
    assert {row.packer for row in later} == {"Boris"}
    assert audit.read(shift.db, AuditFilter(until=NOW + timedelta(minutes=30)), limit=2)[0].packer == "Anna"
    assert audit.read(shift.db, AuditFilter(posting="10000006")) and not audit.read(shift.db, AuditFilter(posting="%"))
    assert audit.choices(shift.db)["packer"] == ["Anna", "Boris"]


def test_the_csv_holds_what_the_filter_selects(shift, tmp_path):
    path = tmp_path / "audit.csv"
    assert audit.write_csv(shift.db, AuditFilter(station="bench-2"), path) == 3
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == list(audit.COLUMNS)
    assert [(row[1], row[2], row[3]) for row in rows[1:]] == [
        ("bench-2", "Boris", r.WRONG_ITEM), ("bench-2", "Boris", r.POSTING_OPENED),
        ("bench-2", "Boris", r.PACKER_SIGNED_IN)]
    assert rows[1][0] == (NOW + timedelta(hours=1)).isoformat(sep=" ", timespec="seconds")
    assert json.loads(rows[1][5])["product"] == "Mug"
    assert not (tmp_path / "audit.csv.part").exists()


def people_cli(data_dir, *args, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKDESK_")}
    config = data_dir / "packdesk.toml"
    config.write_text('[station]\nname = "bench-1"\n', encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "app", "--config", str(config), "--data-dir", str(data_dir),
                           "--lang", "en", "people", *args], capture_output=True, text=True, input=stdin,
                          timeout=120, env=env)


def test_packdesk_people_as_a_user_runs_it(tmp_path):
    assert people_cli(tmp_path, "list").stdout.startswith("Nobody yet: packdesk people add NAME --role admin")
    assert people_cli(tmp_path, "add", "Anna K", "--role", "supervisor").returncode == 0
    badge = people_cli(tmp_path, "badge", "Anna K")
    assert badge.returncode == 0 and badge.stdout.startswith("CMD:LOGIN:") and len(badge.stdout.strip()) == 22
    assert people_cli(tmp_path, "pin", "Anna K", stdin="4711\n").returncode == 0
    refused = people_cli(tmp_path, "pin", "Nobody", stdin="1234\n")
    assert refused.returncode == 1 and "Nobody" in refused.stderr
    listed = json.loads(people_cli(tmp_path, "list", "--json").stdout)
    assert listed == [{"name": "Anna K", "role": "supervisor", "active": True, "badge": True, "pin": True}]
    assert people_cli(tmp_path, "list").stdout == "Anna K  supervisor  badge, PIN set\n"
    out = tmp_path / "audit.csv"
    done = people_cli(tmp_path, "audit", "--csv", str(out), "--from", "2020-01-01")
    assert done.returncode == 0 and done.stdout.strip() == "0" and out.read_text(encoding="utf-8-sig").startswith("at,")
