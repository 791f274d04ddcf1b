"""The layering of STYLE.md: the import-linter contracts in pyproject.toml hold (relative imports and
imports inside functions included), importing the core really loads no Qt, and modules stay small."""
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app"
# the `lint-imports` command, run by this interpreter (whatever directory its scripts went to)
LINT_IMPORTS = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"]
# the core: everything but app/ui and app/cli (app.bench, app.statuses and app.foreground where they exist)
CORE_PACKAGES = ("app.services", "app.devices", "app.store", "app.sim", "app.messages")
CORE_MODULES = ("app.config", "app.config_values", "app.config_accounts", "app.config_carriers", "app.keyring_store",
                "app.statuses", "app.foreground", "app.bench")
RENDER = "app.services.labels.render"  # QtPdf rendering behind one function: the one exception
NOT_IMPORTABLE = ("app.store.migrations.env",)  # Alembic runs it, migrating as it is imported


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*LINT_IMPORTS, "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_the_import_contracts_hold():
    run = _lint_imports(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("path,line", [
    ("devices/scales/errors.py", "from ...store import db"),                   # relative, two levels up
    ("store/products.py", "def later():\n    from app.services.station import Station"),  # inside a function
    ("services/ozon/errors.py", "from app.store import postings"),
    ("services/sync/engine.py", "from app.sim.ozon import OzonSimulator"),
    ("sim/ozon/world.py", "from app.store.db import open_database"),
    ("messages/station.py", "from PySide6.QtCore import QObject"),
    ("config.py", "import app.services.ozon.models"),
    ("foreground.py", "from app.store import writer"),                         # the gate sits at the bottom
])
def test_a_broken_layer_is_caught(tmp_path, path, line):
    """The contracts are not vacuous: each of these imports, added to a copy of the tree, breaks one."""
    shutil.copytree(APP, tmp_path / "app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    with open(tmp_path / "app" / path, "a", encoding="utf-8") as source:
        source.write("\n" + line + "\n")
    run = _lint_imports(tmp_path)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "BROKEN" in run.stdout or "broken" in run.stdout


_IMPORT_THE_CORE = textwrap.dedent("""
    import importlib, importlib.util, json, pkgutil, sys, types

    packages, modules, render, skip = json.loads(sys.argv[1])
    stub = types.ModuleType(render)  # importers of the renderer get placeholders, not Qt
    stub.__getattr__ = lambda name: type(name, (Exception,), {})
    sys.modules[render] = stub
    names = [m for m in modules if importlib.util.find_spec(m) is not None]
    for package in packages:
        names.append(package)
        path = importlib.import_module(package).__path__
        names += [info.name for info in pkgutil.walk_packages(path, package + ".")]
    for name in names:
        if name not in skip and name != render:
            importlib.import_module(name)
    qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
    print(json.dumps({"imported": len(names), "qt": qt}))
""")


def _run_python(code: str, *args: str) -> str:
    run = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_importing_the_core_loads_no_qt():
    """What importing each core module actually loads (dynamic imports included), not what its
    source says: no Qt at all, with the label renderer stubbed out."""
    import json

    report = json.loads(_run_python(_IMPORT_THE_CORE, json.dumps(
        [CORE_PACKAGES, CORE_MODULES, RENDER, NOT_IMPORTABLE])))
    assert report["imported"] > 100
    assert report["qt"] == [], f"importing the core loads {report['qt']}: keep Qt in app/ui"


def test_the_label_renderer_loads_qtpdf_and_no_widgets():
    loaded = _run_python(f"import sys, {RENDER}; print(sorted(m for m in sys.modules if m.startswith('PySide6.')))")
    assert "PySide6.QtPdf" in loaded
    assert "QtWidgets" not in loaded


def test_modules_stay_small():
    big = [f"{p.relative_to(APP)}: {n} lines" for p in APP.rglob("*.py")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450]
    assert not big, "split these modules:\n" + "\n".join(big)
