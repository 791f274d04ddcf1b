"""Printing fetched labels on this station's printer: exact pixels, once per posting, failures
visible and retried, reprints on request, restarts that do not reprint. Renders in-process, so
every test uses pytest-qt's ``qapp``."""
import threading

import pytest

from app.devices.printers import open_printer
from app.devices.printers.decode import decode_job
from app.devices.printers.status import QUERIES
from app.services.labels import files
from app.services.labels.order_label import OrderItem, render_order_label
from app.services.labels.printing import MAX_PRINT_ATTEMPTS, LabelPrinter
from app.services.labels.render import render_pdf_page
from app.services.labels.worker import PrintWorker
from app.store import labels as store_labels
from app.store.lookups import get_posting
from labels_helpers import (STATION, label, label_printer, labels, lbench, packable_with_units, ship,  # noqa: F401
                            ship_and_settle)
from printers_helpers import CaptureServer, printed_form

# what a ready printer answers to the status query of its language
READY = {
    "tspl": b"\x00",
    "escpos": bytes([0x12, 0x12, 0x12]),
    "zpl": (b"\x02030,0,0,0959,000,0,0,0,000,0,0,0\x03\r\n"
            b"\x02000,0,0,0,1,2,6,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n"),
}


def expected_bitmap(bench, number, profile):
    row = label(bench, number)
    return printed_form(render_pdf_page(files.read_pdf(bench.data_dir, row["pdf_path"]), row["pdf_page"], profile),
                        profile)


def jobs_in(path, profile):
    return decode_job(path.read_bytes(), profile) if path.exists() else []


@pytest.fixture
def shipped(lbench, qapp):
    """One posting shipped through the outbox, its label fetched."""
    engine = lbench.engine()
    engine.run_pass()
    number = lbench.packable()[0]
    ship_and_settle(lbench, engine, [number])
    engine.run_pass()
    assert label(lbench, number)["state"] == "fetched"
    return number


@pytest.mark.parametrize("lang,query", [("tspl", "lang=tspl&dpi=203"), ("zpl", "lang=zpl&dpi=300&zpl=hex"),
                                        ("escpos", "lang=escpos&width=640")])
def test_a_fetched_label_prints_pixel_exact_on_a_tcp_printer(lbench, shipped, lang, query):
    with CaptureServer(replies={QUERIES[lang][0]: READY[lang]}) as server:
        printer = label_printer(lbench, f"tcp://127.0.0.1:{server.port}?{query}")
        stats = printer.print_due()
        connections = server.wait_for(2)
    assert stats.printed == 1
    status_query, job = connections
    assert status_query == QUERIES[lang][0]
    printed = decode_job(job, printer.printer.profile)
    assert len(printed) == 1
    expected = expected_bitmap(lbench, shipped, printer.printer.profile)
    assert printed[0] == expected and expected.black_count() > 1000
    row = label(lbench, shipped)
    assert (row["state"], row["copies"], row["printer"]) == ("printed", 1, f"tcp://127.0.0.1:{server.port}")
    assert lbench.posting(shipped)["local_state"] == "labelled"


def test_the_sync_pass_prints_one_label_per_shipped_posting_each_split_child_its_own(lbench, qapp, tmp_path):
    capture = tmp_path / "printer.bin"
    printer = label_printer(lbench, f"file:{capture}?lang=tspl")
    engine = lbench.engine()
    engine.print_labels = printer.print_due
    engine.run_pass()
    whole, *_ = lbench.packable()
    split = next(n for n in lbench.packable() if n != whole
                 and sum(line.quantity for line in lbench.sim.world.peek(n).lines) >= 2)
    units = [line.sku for line in lbench.sim.world.peek(split).lines for _ in range(line.quantity)]
    ship(lbench, whole)
    command = ship(lbench, split, packages=[[[units[0], 1]], [[sku, 1] for sku in units[1:]]])
    for _ in range(5):
        engine.run_pass()
        lbench.clock.advance(3)
    children = lbench.command(command)["result"]["postings"]
    assert set(labels(lbench)) == {whole, *children}
    printed = jobs_in(capture, printer.printer.profile)
    assert len(printed) == 3
    expected = {n: expected_bitmap(lbench, n, printer.printer.profile) for n in (whole, *children)}
    assert sorted(printed, key=lambda b: b.data) == sorted(expected.values(), key=lambda b: b.data)
    for _ in range(3):  # later passes print nothing again
        engine.run_pass()
        lbench.clock.advance(30)
    assert len(jobs_in(capture, printer.printer.profile)) == 3
    assert {row["copies"] for row in labels(lbench).values()} == {1}


def test_a_restart_does_not_reprint_printed_labels(lbench, shipped, tmp_path):
    capture = tmp_path / "printer.bin"
    label_printer(lbench, f"file:{capture}?lang=zpl").print_due()
    size = capture.stat().st_size
    restarted = lbench.engine()  # new engine and printer objects on the same database
    restarted.print_labels = label_printer(lbench, f"file:{capture}?lang=zpl").print_due
    restarted.run_pass()
    assert capture.stat().st_size == size
    assert label(lbench, shipped)["copies"] == 1


def test_printer_offline_fails_with_reason_then_prints_on_reprint_when_back(lbench, shipped):
    printer = label_printer(lbench, "sim://?lang=tspl")
    printer.printer.transport.online = False
    stats = printer.print_due()
    row = label(lbench, shipped)
    assert (stats.failed, row["state"], row["error_kind"], row["attempts"]) == (1, "failed", "offline", 1)
    assert "offline" in row["last_error"]
    assert printer.print_due().failed == 0  # not due again yet: no hammering
    printer.printer.transport.online = True
    result = printer.reprint(shipped)
    assert result.printed and label(lbench, shipped)["state"] == "printed"
    saved = sorted((lbench.data_dir / "printed").glob("label-*.png"))
    assert len(saved) == 1 and len(printer.printer.transport.printed) == 1


def test_failures_are_retried_a_bounded_number_of_times_then_parked(lbench, shipped):
    printer = label_printer(lbench, "sim://?lang=tspl")
    printer.printer.transport.paper_out = True
    for _ in range(MAX_PRINT_ATTEMPTS + 2):
        printer.print_due()
        lbench.clock.advance(60)
    row = label(lbench, shipped)
    assert (row["state"], row["error_kind"]) == ("parked", "no_paper")
    assert f"printing failed {MAX_PRINT_ATTEMPTS} times" in row["last_error"]
    printer.printer.transport.paper_out = False
    assert printer.print_due().printed == 0  # parked stays parked until someone asks
    assert printer.reprint(shipped).printed
    assert label(lbench, shipped)["copies"] == 1


def test_a_reprint_counts_a_copy(lbench, shipped):
    printer = label_printer(lbench, "sim://")
    printer.print_due()
    printer.reprint(shipped)
    assert label(lbench, shipped)["copies"] == 2
    assert len(printer.printer.transport.printed) == 2


def test_a_pdf_that_does_not_render_fails_with_the_reason_and_others_still_print(lbench, qapp):
    engine = lbench.engine()
    engine.run_pass()
    broken, good = lbench.packable()[:2]
    ship_and_settle(lbench, engine, [broken])
    ship_and_settle(lbench, engine, [good])
    engine.run_pass()
    path = files.write_pdf(lbench.data_dir, "broken", b"%PDF-1.4 this is not a pdf")

    def point_at_garbage(session):
        store_labels.get(session, broken).pdf_path = path

    lbench.db.writer.call(point_at_garbage)
    printer = label_printer(lbench, "sim://")
    stats = printer.print_due()
    row = label(lbench, broken)
    assert (row["state"], row["error_kind"]) == ("failed", "render")
    assert "does not render" in row["last_error"]
    assert stats.printed == 1 and label(lbench, good)["state"] == "printed"


def test_a_lost_pdf_is_fetched_again_and_printed(lbench, shipped):
    (lbench.data_dir / label(lbench, shipped)["pdf_path"]).unlink()
    printer = label_printer(lbench, "sim://")
    assert printer.print_due().printed == 0
    assert label(lbench, shipped)["state"] == "waiting"
    engine = lbench.engine()
    engine.print_labels = printer.print_due
    engine.run_pass()
    assert label(lbench, shipped)["state"] == "printed"


def test_the_order_label_prints_only_on_demand(lbench, shipped, tmp_path):
    capture = tmp_path / "printer.bin"
    printer = label_printer(lbench, f"file:{capture}?lang=tspl&size=58x40")
    printer.print_due()
    assert len(jobs_in(capture, printer.printer.profile)) == 1  # Ozon's label only
    result = printer.print_order_label(shipped)
    assert result.printed
    jobs = jobs_in(capture, printer.printer.profile)
    world = lbench.sim.world.peek(shipped)
    with lbench.db.read() as session:
        items = [OrderItem(i.name, i.offer_id, i.quantity) for i in get_posting(session, shipped).items]
    assert len(jobs) == 2 and jobs[1] == render_order_label(shipped, items, printer.printer.profile)
    assert len(items) == len(world.lines)
    own = label(lbench, shipped, "own")
    assert (own["state"], own["copies"]) == ("printed", 1)
    assert label(lbench, shipped)["copies"] == 1


def test_the_print_worker_owns_the_printer_on_its_own_thread(lbench, shipped):
    printer = label_printer(lbench, "sim://")
    seen = []
    worker = PrintWorker(printer, on_done=lambda result: seen.append((threading.current_thread().name, result)))
    worker.start()
    try:
        stats = worker.print_due().result(timeout=30)
        assert stats.printed == 1
        assert worker.reprint(shipped).result(timeout=30).printed
        with pytest.raises(LookupError):
            worker.reprint("00000000-0000-1").result(timeout=30)
        with pytest.raises(RuntimeError, match="owned by thread"):
            printer.print_due()  # not from here: the worker's thread owns it
    finally:
        worker.stop()
    assert [name.startswith("packdesk-print") for name, _ in seen] == [True, True]
    assert label(lbench, shipped)["copies"] == 2


def test_a_test_label_prints_on_the_print_thread_through_the_one_handle(lbench):
    printer = label_printer(lbench, "sim://")
    worker = PrintWorker(printer)
    worker.start()
    try:
        result = worker.print_sample().result(timeout=30)
        with pytest.raises(RuntimeError, match="owned by thread"):
            printer.print_bitmaps([], "from here")  # the sample made the print thread its owner
    finally:
        worker.stop()
    assert (result.pages, result.printed, result.error) == (1, 1, None)
    assert len(list((lbench.data_dir / "printed").glob("*.png"))) == 1


def test_two_processes_of_one_station_print_each_label_once(lbench, qapp):
    """The bench and a ``packdesk sync`` of the same station both print due labels: each label is
    claimed before it prints, so it comes out of one printer, once."""
    from app.store.db import open_database

    engine = lbench.engine()
    engine.run_pass()
    numbers = lbench.packable()[:6]
    ship_and_settle(lbench, engine, numbers)
    engine.run_pass()
    assert {label(lbench, n)["state"] for n in numbers} == {"fetched"}
    other_db = open_database(f"sqlite:///{lbench.data_dir / 'packdesk.db'}")  # another process's connection
    try:
        printers = [label_printer(lbench, "sim://?lang=tspl"),
                    LabelPrinter(other_db, open_printer("sim://?lang=tspl", sim_dir=lbench.data_dir / "printed-2"),
                                 station=STATION, data_dir=lbench.data_dir, now=lbench.now)]
        start = threading.Barrier(2)
        stats = [None, None]

        def run(i):
            start.wait()
            stats[i] = printers[i].print_due()

        threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
        jobs = [len(p.printer.transport.printed) for p in printers]
        assert sum(jobs) == len(numbers), (jobs, stats)
        assert {label(lbench, n)["copies"] for n in numbers} == {1}
        assert {label(lbench, n)["state"] for n in numbers} == {"printed"}
    finally:
        other_db.close()


def test_a_print_that_never_reported_back_is_due_again_after_its_lease(lbench, shipped):
    row = label(lbench, shipped)
    assert lbench.db.writer.call(store_labels.claim_for_print, row["id"], now=lbench.now())
    assert not lbench.db.writer.call(store_labels.claim_for_print, row["id"], now=lbench.now())
    printer = label_printer(lbench, "sim://?lang=tspl")
    assert printer.print_due().printed == 0  # claimed by a process that then died
    lbench.clock.advance(store_labels.PRINT_LEASE.total_seconds() + 1)
    assert printer.print_due().printed == 1 and label(lbench, shipped)["copies"] == 1


def test_a_round_of_several_labels_tells_n_of_m_and_a_single_label_tells_nothing(lbench, qapp, tmp_path):
    engine = lbench.engine()
    engine.run_pass()
    first, *rest = lbench.packable()[:4]
    ship_and_settle(lbench, engine, [first])
    engine.run_pass()
    printer = label_printer(lbench, f"file:{tmp_path / 'one.bin'}?lang=tspl")
    told = []
    printer.progress = told.append
    assert printer.print_due().printed == 1
    assert told == []  # one label: no bar
    ship_and_settle(lbench, engine, rest)
    engine.run_pass()
    assert printer.print_due().printed == 3
    assert [(p.task, p.done, p.total) for p in told] == [("labels", n, 3) for n in range(4)]
    assert told[-1].finished
