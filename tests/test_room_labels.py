"""Labels in a room of benches: a label prints at the bench that packed the posting, never at another
one: its print round, a reprint asked elsewhere, ``packdesk label`` run elsewhere; and each bench
prunes only its own label files (they are in its data dir)."""
import os
import subprocess

import pytest

from app.services.labels import files
from app.services.labels.printing import ELSEWHERE_KIND
from app.services.labels.prune import KEEP_DAYS, prune_label_files
from app.store import labels as store_labels
from app.store import open_database
from app.store import postings as store_postings
from labels_helpers import STATION, label, label_printer, lbench, ship_and_settle  # noqa: F401
from room_helpers import bench_config, packdesk
from store_helpers import NOW, posting
from test_labels_prune import age


@pytest.fixture
def shipped(lbench, qapp):
    """Two postings packed at bench-1, shipped through the outbox, their labels fetched there."""
    engine = lbench.engine()
    engine.run_pass()
    numbers = lbench.packable()[:2]
    ship_and_settle(lbench, engine, numbers)
    engine.run_pass()
    assert {label(lbench, n)["state"] for n in numbers} == {"fetched"}
    return numbers


def other_bench(lbench, name="bench-2"):
    from app.devices.printers import open_printer
    from app.services.labels.printing import LabelPrinter

    printer = open_printer("sim://?lang=tspl", sim_dir=lbench.data_dir / name / "printed")
    return LabelPrinter(lbench.db, printer, station=name, data_dir=lbench.data_dir / name, now=lbench.now)


def printed_files(lbench, name):
    return sorted((lbench.data_dir / name / "printed").glob("*")) if name else sorted(
        (lbench.data_dir / "printed").glob("*"))


def test_another_bench_prints_none_of_the_labels_and_refuses_their_reprint(lbench, shipped):
    first, second = shipped
    elsewhere = other_bench(lbench)
    assert elsewhere.print_due().printed == 0  # bench-1's labels are not due at bench-2
    before = label(lbench, first)
    result = elsewhere.reprint(first)
    assert (result.printed, result.kind, result.state) == (False, ELSEWHERE_KIND, "fetched")
    assert STATION in result.error
    assert label(lbench, first) == before  # nothing changed: no reprint queued for anyone
    assert printed_files(lbench, "bench-2") == []
    here = label_printer(lbench, "sim://?lang=tspl")
    assert here.print_due().printed == 2 and here.reprint(second).printed  # at its own bench they print
    assert label(lbench, second)["copies"] == 2


def test_each_bench_prunes_only_its_own_label_files(lbench, shipped):
    label_printer(lbench, "sim://?lang=tspl").print_due()
    for number in shipped:
        age(lbench, number, KEEP_DAYS + 1)
    paths = {label(lbench, n)["pdf_path"] for n in shipped}
    assert prune_label_files(lbench.db, lbench.data_dir / "bench-2", now=lbench.now(), station="bench-2") == 0
    assert {label(lbench, n)["pdf_path"] for n in shipped} == paths  # bench-1's rows still name their files
    assert prune_label_files(lbench.db, lbench.data_dir, now=lbench.now(), station=STATION) == len(paths)
    assert not any(files.resolve(lbench.data_dir, p).exists() for p in paths)


def test_packdesk_label_at_another_bench_says_where_the_label_prints(tmp_path):
    number = "12345678-0001-1"
    with open_database(f"sqlite:///{tmp_path / 'packdesk.db'}") as db:
        db.writer.call(store_postings.upsert_postings, [posting(number, "awaiting_deliver")], {number: []}, now=NOW)
        db.writer.call(store_postings.set_packed, number, "shipped", station="bench-1", now=NOW, weight_g=300)
        with db.read() as session:
            assert store_labels.owner(session, number) == "bench-1"
    config = bench_config(tmp_path, "bench-2")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PACKDESK_")}
    done = subprocess.run(packdesk(config, tmp_path, "label", number), capture_output=True, text=True,
                          timeout=60, env=env | {"PACKDESK_OZON_CLIENT_ID": "100000", "PACKDESK_OZON_API_KEY": "k"})
    assert done.returncode == 1, done.stderr
    assert f"The label of {number} prints at bench-1, the bench that packed it" in done.stderr
    assert not (tmp_path / "printed").exists() or not any((tmp_path / "printed").iterdir())
