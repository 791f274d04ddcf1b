"""Progress bars for long work: the first sync of many postings against the simulator (pages pulled
of Ozon's count), a report being written; the services tell it Qt-free on their own threads, the bars
in the status bar only show it, on the GUI thread."""
from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QApplication

from app.cli.demo import DEMO_API_KEY, demo_config
from app.config import Config
from app.services.progress import Progress
from app.sim.ozon import OzonSimulator, WorldConfig
from app.ui.app import build
from app.ui.progress import ProgressPanel
from ui_helpers import is_gui_thread


def test_a_bar_shows_n_of_m_a_busy_bar_when_the_total_is_not_known_and_goes_when_done(qtbot):
    panel = ProgressPanel(linger_ms=50)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_progress(Progress("postings", 200, 0))
    bar = panel.bars["postings"]
    assert bar.isVisible() and (bar.minimum(), bar.maximum()) == (0, 0)  # busy
    assert panel.labels["postings"].text() == "Syncing postings: 200"
    panel.show_progress(Progress("wave_labels", 3, 50, subject="7"))
    assert panel.labels["wave_labels"].text() == "Wave 7: labels printed 3 of 50"
    assert (panel.bars["wave_labels"].value(), panel.bars["wave_labels"].maximum()) == (3, 50)
    panel.show_progress(Progress("postings", 400, 400))
    assert (bar.value(), bar.maximum()) == (400, 400)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=2_000)  # finished: it goes after a moment
    assert panel.isVisible()  # the wave's bar stays
    panel.settle("wave_labels")  # its round ended: it goes too
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=2_000)


@pytest.fixture
def big_bench(qtbot, tmp_path):
    with OzonSimulator(WorldConfig(postings=260, seed=5, ship_delay_s=0.0, label_delay_s=0.0)) as sim:
        config = demo_config(Config(), sim.base_url, tmp_path)
        config = dataclasses.replace(config, sync=dataclasses.replace(config.sync, interval_s=60))
        controller = build(QApplication.instance(), config, lang="en", api_key=DEMO_API_KEY, demo=True,
                           config_path=tmp_path / "config.toml")
        qtbot.addWidget(controller.window)
        controller.sim = sim
        try:
            yield controller
        finally:
            controller.shutdown()


def test_the_first_sync_of_many_postings_moves_the_bar_page_by_page(qtbot, big_bench):
    panel = big_bench.window.progress
    bar = panel.bars["postings"]
    seen = []  # what the bar showed as each step arrived, and on which thread
    big_bench.progress.progress.connect(lambda p: p.task == "postings" and seen.append(
        (p.done, p.total, bar.value(), bar.maximum(), bar.isVisibleTo(big_bench.window), is_gui_thread())))
    big_bench.window.show()
    with qtbot.waitSignal(big_bench.progress.progress, timeout=60_000,
                          check_params_cb=lambda p: p.task == "postings" and p.finished):
        big_bench.start()
    pages = big_bench.sim.stats.requests("/v4/posting/fbs/unfulfilled/list")
    assert pages >= 3 and len(seen) == pages  # a step a page, of Ozon's count
    assert all(on_gui and visible for *_, visible, on_gui in seen)
    assert all((value, maximum) == (done, total) for done, total, value, maximum, *_ in seen)
    assert [done for done, *_ in seen] == sorted(done for done, *_ in seen) and seen[0][0] == 100
    assert {total for _, total, *_ in seen} == {seen[-1][0]}
    qtbot.waitUntil(lambda: not bar.isVisibleTo(big_bench.window), timeout=10_000)  # then it goes


def test_writing_the_report_shows_its_steps(qtbot, big_bench, tmp_path):
    told = []
    big_bench.progress.progress.connect(lambda p: p.task == "report" and told.append((p.done, p.total)))
    big_bench.start()
    statistics = big_bench.people.statistics
    target = tmp_path / "shift.pdf"
    with qtbot.waitSignal(statistics.saved, timeout=30_000) as saved:
        statistics.save_pdf(str(target))
    assert saved.args == [str(target)]
    qtbot.waitUntil(lambda: len(told) == 4, timeout=5_000)  # queued behind the result: let them land
    assert told == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert target.read_bytes().startswith(b"%PDF")
    bar = big_bench.window.progress.bars["report"]
    assert (bar.value(), bar.maximum()) == (3, 3)
    banner = big_bench.window.banner
    qtbot.waitUntil(lambda: str(target) in banner.text.text(), timeout=5_000)
    big_bench.switch_language("ru", remember=False)  # a banner still up says it again in the new language
    assert banner.text.text() == f"Отчёт о смене сохранён в {target}"
