"""Languages: every UI text has a finished Russian and Chinese translation; switching at run time
retranslates the window."""
import ast
import importlib
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.ui.i18n import Languages
from app.ui.log_buffer import RingBufferHandler
from app.ui.main_window import LOG, PACK, QUEUES, MainWindow
from app.ui.pack import PackView
from app.ui.queues.panel import QueuesPanel
from ui_helpers import cache_with_postings

I18N = Path(__file__).resolve().parents[1] / "resources" / "i18n"
BIN = Path(sys.executable).parent


def messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message.find("translation")


@pytest.mark.parametrize("suffix", ["ru", "zh_CN"])
def test_every_text_has_a_finished_translation(suffix):
    ts = I18N / f"packdesk_{suffix}.ts"
    missing = [(ctx, src) for ctx, src, tr in messages(ts)
               if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished") or not (tr.text or "").strip()]
    assert missing == []
    assert (I18N / f"packdesk_{suffix}.qm").stat().st_size > 1000


def test_the_ts_files_hold_every_text_of_the_code(tmp_path):
    """A tr() added without running packaging/translations.py is caught here."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(BIN / "pyside6-lupdate"), "-extensions", "py", str(I18N.parents[1] / "app" / "ui"),
                    "-ts", str(fresh)], check=True, capture_output=True)
    in_code = {(c, s) for c, s, _ in messages(fresh)}
    translated = {(c, s) for c, s, _ in messages(I18N / "packdesk_ru.ts")}
    assert in_code - translated == set()


def _known_texts() -> dict[str, set[tuple[str, str]]]:
    # every source text the dicts of packaging/translations*.py name, with each translation given for it
    said: dict[str, set[tuple[str, str]]] = {}
    for path in sorted((I18N.parents[1] / "packaging").glob("translations*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values):
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        said.setdefault(key.value, set()).add(ast.literal_eval(value))
    return said


def test_no_text_is_given_two_translations_in_the_flat_tables():
    """A dict keeps the last of two entries: the other translation would be lost without a word
    (one said otherwise in one context goes in IN_CONTEXT)."""
    said = _known_texts()
    assert len(said) > 300
    assert {text: ways for text, ways in said.items() if len(ways) > 1} == {}


def test_a_text_said_otherwise_in_one_context_keeps_both_translations(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(I18N.parents[1] / "packaging"))
    translations = importlib.import_module("translations")
    ts = tmp_path / "packdesk_ru.ts"
    contexts = "".join(f"<context><name>{name}</name><message><source>Units</source>"
                       "<translation type=\"unfinished\"></translation></message></context>"
                       for name in ("Queues", "StatisticsPanel"))
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="ru">{contexts}</TS>',
                  encoding="utf-8")
    assert translations.fill(ts, "ru") == 0
    assert {(c, s): tr.text for c, s, tr in messages(ts)} == {
        ("Queues", "Units"): "Шт.", ("StatisticsPanel", "Units"): "Единицы"}


def test_switching_language_retranslates_the_main_window(qtbot, tmp_path):
    db = cache_with_postings(tmp_path)
    languages = Languages(QApplication.instance())
    try:
        window = MainWindow(pack_view=PackView(language=lambda: languages.current), queues=QueuesPanel(db, "b1"),
                            log_handler=RingBufferHandler(), station_name="b1")
        qtbot.addWidget(window)
        languages.switch("ru")
        assert window.pages.tabText(PACK) == "Упаковка"
        assert window.pages.tabText(QUEUES) == "Очереди"
        assert window.pack_view.banner.text() == "Отсканируйте отправление или товар"
        assert window.status.fields["ozon"].text() == "Ozon: подключение…"
        languages.switch("zh")
        assert window.pages.tabText(LOG) == "日志"
        assert window.file_menu.title() == "文件(&F)"
        languages.switch("en")
        assert window.pages.tabText(PACK) == "Pack"
        assert window.pack_view.scan_button.text() == "Scan"
    finally:
        languages.switch("en")
        db.close()


def test_a_banner_message_up_across_a_language_switch_is_said_in_the_new_language(qtbot):
    from app.messages import Said, text
    from app.ui.banner import Banner

    languages = Languages(QApplication.instance())
    try:
        banner = Banner()
        qtbot.addWidget(banner)
        banner.language = lambda: languages.current
        languages.switch("ru")
        said = Said("case_opened", case=7, posting="123-1", type=Said("case_type_not_delivered"))
        banner.show_message("info", said)
        assert banner.text.text() == said.render("ru") and "не доставлен" in said.render("ru")
        languages.switch("zh")
        assert banner.text.text() == said.render("zh") != said.render("ru")
        banner.show_message("warning", "plain text stays as given")
        languages.switch("en")
        assert banner.text.text() == "plain text stays as given"
        assert said.render("en") == text("case_opened", "en", case=7, posting="123-1",
                                         type=text("case_type_not_delivered", "en"))
    finally:
        languages.switch("en")


def test_every_tr_call_has_a_plain_literal_lupdate_can_read():
    """lupdate skips tr() on f-strings, variables or inside f-strings: such a text silently stays
    English in the ru and zh screens."""
    import ast

    bad = []
    for path in (I18N.parents[1] / "app" / "ui").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.JoinedStr):  # f"...{self.tr('x')}...": invisible to lupdate
                bad += [f"{path.name}:{node.lineno} tr() inside an f-string" for inner in ast.walk(node)
                        if isinstance(inner, ast.Call) and getattr(inner.func, "attr", "") == "tr"]
            elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "tr":
                first = node.args[0] if node.args else None
                if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                    bad.append(f"{path.name}:{node.lineno} tr() of a non-literal")
    assert bad == []
