"""The window refuses to start on a cache it cannot use, with a message box in the packer's
language (``app.ui.app.cannot_start``) instead of the crash dialog."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text as sql

from app.bench import BenchProblem, open_cache
from app.config import Config
from app.store import default_sqlite_url, open_database
from app.ui import app as ui_app


def test_a_cache_of_a_newer_packdesk_is_a_bench_problem_not_a_bug(tmp_path):
    with open_database(default_sqlite_url(tmp_path)) as database, database.engine.begin() as conn:
        conn.execute(sql("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(BenchProblem) as problem:
        open_cache(Config(data_dir=tmp_path))
    assert (problem.value.code, problem.value.detail) == ("cache_schema_newer", "0099")


def test_the_window_says_why_it_cannot_start(qapp, monkeypatch, caplog):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, said: shown.append((title, said))))
    code = ui_app.cannot_start(BenchProblem("cache_schema_newer", "0099", config=False), "zh", None)
    assert code == 2
    [(title, said)] = shown
    assert title == "packdesk"
    assert "更新版本的 packdesk 升级（架构 0099）" in said
    assert any("cannot start" in r.getMessage() for r in caplog.records if r.levelname == "WARNING")


def test_a_configuration_the_window_cannot_use_is_said_in_a_window_too(monkeypatch, tmp_path):
    """Started from an icon there is no terminal: the configuration's problem is also shown in a message
    box, by a process of its own (a display Qt cannot open ends that one, not the command), and the
    command still ends with the configuration's exit code."""
    import argparse

    from app.cli import gui
    from app.cli.common import EXIT_CONFIG, CommandError

    started = []
    monkeypatch.setattr(gui.subprocess, "Popen", lambda argv, **kw: started.append(argv))
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    config = tmp_path / "config.toml"
    config.write_text("[ozon\n", encoding="utf-8")
    args = argparse.Namespace(config=str(config), data_dir=str(tmp_path), lang="ru", verbose=False)
    with pytest.raises(CommandError) as refused:
        gui.run(args)
    assert refused.value.exit_code == EXIT_CONFIG
    [argv] = started
    assert argv[-3:] == ["--say-in-a-window", "ru", str(refused.value)]
    assert "ошибка в записи TOML: строка 1, столбец 6" in argv[-1]
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # nobody would see a box: none is started
    with pytest.raises(CommandError):
        gui.run(args)
    assert len(started) == 1


def test_the_box_of_its_own_says_the_message_with_its_button_in_the_language(qapp, monkeypatch):
    from app.ui import i18n

    shown, switched = [], []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, said: shown.append((title, said))))
    monkeypatch.setattr(ui_app, "make_app", lambda: qapp)  # the suite's application keeps its style and language
    monkeypatch.setattr(i18n.Languages, "switch", lambda self, lang: switched.append(lang))
    assert ui_app.say_in_a_window(["zh", "配置错误：…"]) == 0
    assert shown == [("packdesk", "配置错误：…")] and switched == ["zh"]
