"""The command line's own mistakes in the run's language: an unknown option, a missing argument, a value
of the wrong kind. argparse composes them in English from its templates; ``usage_problem`` recognises a
line by the same template (``problems.said``) and says it in Russian or Chinese. A line it does not
know (another Python's wording) is shown as argparse wrote it."""
from __future__ import annotations

from app.messages.problems import ProblemKind, patterns, said

CLI_MESSAGES: dict[str, dict[str, str]] = {
    "cli_error": {"en": "{prog}: error: {problem}", "ru": "{prog}: ошибка: {problem}", "zh": "{prog}：错误：{problem}"},
    "cli_usage": {"en": "usage: ", "ru": "использование: ", "zh": "用法："},
    "cli_command_missing": {
        "en": "the '{command}' command is not available in this build",
        "ru": "команды «{command}» в этой сборке нет",
        "zh": "此版本中没有“{command}”命令",
    },
}

# argparse's templates (Lib/argparse.py), the most specific first
_KINDS = patterns([
    ProblemKind("unrecognized arguments: {args}", {
        "en": "unrecognized arguments: {args}",
        "ru": "неизвестные аргументы: {args}",
        "zh": "无法识别的参数：{args}"}),
    ProblemKind("the following arguments are required: {args}", {
        "en": "the following arguments are required: {args}",
        "ru": "не указаны обязательные аргументы: {args}",
        "zh": "缺少必需的参数：{args}"}),
    ProblemKind("argument {argument}: invalid choice: {value} (choose from {choices})", {
        "en": "argument {argument}: invalid choice: {value} (choose from {choices})",
        "ru": "аргумент {argument}: недопустимое значение {value} (можно: {choices})",
        "zh": "参数 {argument}：无效的值 {value}（可选：{choices}）"}),
    ProblemKind("argument {argument}: invalid int value: {value}", {
        "en": "argument {argument}: invalid int value: {value}",
        "ru": "аргумент {argument}: {value} — не целое число",
        "zh": "参数 {argument}：{value} 不是整数"}),
    ProblemKind("argument {argument}: invalid float value: {value}", {
        "en": "argument {argument}: invalid float value: {value}",
        "ru": "аргумент {argument}: {value} — не число",
        "zh": "参数 {argument}：{value} 不是数字"}),
    ProblemKind("argument {argument}: expected one argument", {
        "en": "argument {argument}: expected one argument",
        "ru": "аргумент {argument}: нужно значение",
        "zh": "参数 {argument}：需要一个值"}),
    ProblemKind("argument {argument}: {detail}", {  # argparse's other words about an argument
        "en": "argument {argument}: {detail}",
        "ru": "аргумент {argument}: {detail}",
        "zh": "参数 {argument}：{detail}"}),
])


def usage_problem(message: str, lang: str) -> str:
    """argparse's ``message`` in ``lang`` (as it is when no template fits)."""
    return said(_KINDS, message, lang)
