"""The layering of STYLE.md, checked on the source: the core imports no Qt, lower layers nothing above."""
import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"
QT_ALLOWED = {APP / "services" / "labels" / "render.py"}  # QtPdf rendering, behind one function


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _files(*parts: str):
    for part in parts:
        target = APP / part
        yield from ([target] if target.suffix == ".py" else sorted(target.rglob("*.py")))


CORE = ("services", "devices", "store", "sim", "config.py", "messages")


@pytest.mark.parametrize("path", list(_files(*CORE)), ids=lambda p: str(p.relative_to(APP)))
def test_core_imports_no_qt(path):
    if path in QT_ALLOWED:
        return
    qt = sorted(n for n in _imports(path) if n.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
    assert not qt, f"{path.relative_to(APP)} imports {qt}: keep Qt in app/ui"


@pytest.mark.parametrize("layer,forbidden", [
    ("store", ("app.services", "app.ui", "app.cli", "app.sim", "app.devices")),
    ("devices", ("app.store", "app.services", "app.ui", "app.cli", "app.sim")),
    ("services/ozon", ("app.store", "app.ui", "app.cli", "app.sim", "app.devices")),
    ("services", ("app.ui", "app.cli", "app.sim")),
    ("sim", ("app.store", "app.ui", "app.cli")),
])
def test_lower_layers_do_not_import_upper(layer, forbidden):
    offenders = []
    for path in _files(layer):
        for name in _imports(path):
            if name.startswith(forbidden):
                offenders.append(f"{path.relative_to(APP)} -> {name}")
    assert not offenders, "layering broken:\n" + "\n".join(offenders)


def test_modules_stay_small():
    big = [f"{p.relative_to(APP)}: {n} lines" for p in APP.rglob("*.py")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450]
    assert not big, "split these modules:\n" + "\n".join(big)
