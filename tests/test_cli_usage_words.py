"""The command line's own mistakes are said in the run's language (``app.cli.Parser``), exit 2."""
from __future__ import annotations

import pytest

from app.cli import build_parser, main, requested_language

CHOICES = ("'gui', 'demo', 'sync', 'postings', 'replay', 'wave', 'handover', 'track', 'label', 'evidence', 'case', "
           "'returns', 'carriers', 'db', 'people', 'report', 'devices', 'scale', 'ozon-sim'")

CASES = [  # (command line after --lang X, the last line in en / ru / zh)
    (["scale", "--bogus"], ("packdesk: error: unrecognized arguments: --bogus",
                            "packdesk: ошибка: неизвестные аргументы: --bogus",
                            "packdesk：错误：无法识别的参数：--bogus")),
    (["replay"], ("packdesk replay: error: the following arguments are required: FILE",
                  "packdesk replay: ошибка: не указаны обязательные аргументы: FILE",
                  "packdesk replay：错误：缺少必需的参数：FILE")),
    (["nosuch"], (f"packdesk: error: argument COMMAND: invalid choice: 'nosuch' (choose from {CHOICES})",
                  f"packdesk: ошибка: аргумент COMMAND: недопустимое значение 'nosuch' (можно: {CHOICES})",
                  f"packdesk：错误：参数 COMMAND：无效的值 'nosuch'（可选：{CHOICES}）")),
    (["replay", "--drain-timeout", "soon", "-"], (
        "packdesk replay: error: argument --drain-timeout: invalid float value: 'soon'",
        "packdesk replay: ошибка: аргумент --drain-timeout: 'soon' — не число",
        "packdesk replay：错误：参数 --drain-timeout：'soon' 不是数字")),
    (["scale", "--device"], ("packdesk scale: error: argument --device: expected one argument",
                             "packdesk scale: ошибка: аргумент --device: нужно значение",
                             "packdesk scale：错误：参数 --device：需要一个值")),
    (["db", "nosuch"], ("packdesk db: error: argument ACTION: invalid choice: 'nosuch' (choose from 'migrate-to')",
                        "packdesk db: ошибка: аргумент ACTION: недопустимое значение 'nosuch' (можно: 'migrate-to')",
                        "packdesk db：错误：参数 ACTION：无效的值 'nosuch'（可选：'migrate-to'）")),
]


@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
@pytest.mark.parametrize("argv,said", CASES, ids=[" ".join(argv) for argv, _ in CASES])
def test_a_mistake_on_the_command_line_is_said_in_the_language_asked_for(capsys, argv, said, lang):
    with pytest.raises(SystemExit) as stopped:
        main(["--lang", lang, *argv])
    assert stopped.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[-1] == said[("en", "ru", "zh").index(lang)]
    assert lines[0].startswith({"en": "usage: ", "ru": "использование: ", "zh": "用法："}[lang])


@pytest.mark.parametrize("argv,env,lang", [
    (["--lang", "ru", "sync"], {}, "ru"),
    (["--lang=zh", "sync"], {}, "zh"),
    (["--lang", "de", "sync"], {}, "en"),  # argparse then says --lang's choices
    (["sync"], {"LC_ALL": "ru_RU.UTF-8"}, "ru"),
    (["sync"], {"LANG": "zh_CN.UTF-8"}, "zh"),
    (["sync"], {"LANG": "C.UTF-8"}, "en"),
])
def test_the_language_of_the_mistakes_comes_from_the_command_line_or_the_system(monkeypatch, argv, env, lang):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert requested_language(argv) == lang


def test_a_runs_language_stays_with_its_parser(capsys):
    """One run in Russian leaves the next parser as it is made (English unless asked)."""
    with pytest.raises(SystemExit):
        main(["--lang", "ru", "scale", "--bogus"])
    capsys.readouterr()
    with pytest.raises(SystemExit):
        build_parser().parse_args(["scale", "--bogus"])
    assert capsys.readouterr().err.splitlines()[-1] == "packdesk: error: unrecognized arguments: --bogus"


def test_a_word_argparse_has_no_template_for_stays_as_argparse_wrote_it():
    from app.messages.cli_words import usage_problem

    assert usage_problem("something new in a later Python", "ru") == "something new in a later Python"
