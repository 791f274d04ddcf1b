"""Old label PDFs leave the disk; rows keep their history, a reprint fetches the label again, and a
PDF still naming a younger label's page stays."""
from datetime import timedelta

from app.services.labels import files
from app.services.labels.prune import KEEP_DAYS, prune_label_files
from app.store.models import LabelRow
from labels_helpers import label, label_printer, lbench, ship_and_settle  # noqa: F401


def shipped_and_printed(lbench, count):
    engine = lbench.engine()
    engine.run_pass()
    numbers = lbench.packable()[:count]
    ship_and_settle(lbench, engine, numbers)
    engine.run_pass()
    assert label_printer(lbench, "sim://?lang=tspl").print_due().printed == count
    return engine, numbers


def age(lbench, number, days):
    def write(session):
        row = session.query(LabelRow).filter_by(posting_number=number).one()
        row.printed_at = row.printed_at - timedelta(days=days)
    lbench.db.writer.call(write)


def test_pdfs_of_labels_printed_long_ago_are_removed_and_a_reprint_fetches_again(lbench, qapp):
    engine, numbers = shipped_and_printed(lbench, 2)
    paths = {label(lbench, n)["pdf_path"] for n in numbers}
    assert all(files.resolve(lbench.data_dir, p).exists() for p in paths)
    assert prune_label_files(lbench.db, lbench.data_dir, now=lbench.now()) == 0  # young: kept
    for number in numbers:
        age(lbench, number, KEEP_DAYS + 1)
    assert prune_label_files(lbench.db, lbench.data_dir, now=lbench.now()) == len(paths)
    assert not any(files.resolve(lbench.data_dir, p).exists() for p in paths)
    assert {(label(lbench, n)["state"], label(lbench, n)["pdf_path"], label(lbench, n)["copies"])
            for n in numbers} == {("printed", None, 1)}
    printer = label_printer(lbench, "sim://?lang=tspl")
    assert not printer.reprint(numbers[0]).printed  # no PDF kept: back to waiting for Ozon's label
    engine.print_labels = printer.print_due
    engine.run_pass()
    assert (label(lbench, numbers[0])["state"], label(lbench, numbers[0])["copies"]) == ("printed", 2)


def test_a_pdf_still_holding_a_younger_labels_page_stays(lbench, qapp):
    _, numbers = shipped_and_printed(lbench, 2)
    first, second = (label(lbench, n) for n in numbers)
    assert first["pdf_path"] == second["pdf_path"]  # one Ozon PDF, a page each
    age(lbench, numbers[0], KEEP_DAYS + 1)
    assert prune_label_files(lbench.db, lbench.data_dir, now=lbench.now()) == 0
    assert label(lbench, numbers[0])["pdf_path"] is None
    assert files.resolve(lbench.data_dir, second["pdf_path"]).exists()
    age(lbench, numbers[1], KEEP_DAYS + 1)
    assert prune_label_files(lbench.db, lbench.data_dir, now=lbench.now()) == 1
    assert not files.resolve(lbench.data_dir, second["pdf_path"]).exists()


def test_the_sync_pass_prunes_once_a_day(lbench, qapp):
    engine, numbers = shipped_and_printed(lbench, 1)
    path = files.resolve(lbench.data_dir, label(lbench, numbers[0])["pdf_path"])
    age(lbench, numbers[0], KEEP_DAYS + 1)
    engine.run_pass()  # pruned today already (at the first pass): not again yet
    assert path.exists()
    lbench.clock.advance(timedelta(days=1, minutes=1).total_seconds())
    engine.run_pass()
    assert not path.exists() and label(lbench, numbers[0])["pdf_path"] is None
