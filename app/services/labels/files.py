"""Label PDFs on disk: written atomically under ``<data_dir>/labels/``, named in the row relative
to the data dir (the data dir may move; an absolute path in a row is used as is)."""
from __future__ import annotations

import os
import re
import uuid
from pathlib import Path

LABEL_DIR = "labels"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def write_pdf(data_dir: Path, stem: str, data: bytes, *, folder: str = LABEL_DIR, suffix: str = ".pdf") -> str:
    """Write ``data`` to a new file in ``<data_dir>/<folder>`` (temporary file, fsync, rename, fsync
    of the directory): after a crash the file is either whole or absent. Returns the path to keep
    in the row (relative to the data dir)."""
    directory = Path(data_dir) / folder
    directory.mkdir(parents=True, exist_ok=True)
    name = f"{_UNSAFE.sub('_', stem)[:80]}-{uuid.uuid4().hex[:8]}{suffix}"
    final = directory / name
    partial = directory / (name + ".part")
    with open(partial, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, final)
    _fsync_dir(directory)
    return f"{folder}/{name}"


def resolve(data_dir: Path, stored: str) -> Path:
    path = Path(stored)
    return path if path.is_absolute() else Path(data_dir) / path


def holds_only(stored: str, posting: str) -> bool:
    """Whether the file ``write_pdf`` wrote for ``posting`` holds its label alone (a batch's file is
    named after its first posting and ``+N``, and holds other buyers' labels too)."""
    return re.fullmatch(re.escape(_UNSAFE.sub("_", posting)[:80]) + r"-[0-9a-f]{8}\.pdf", Path(stored).name) is not None


def read_pdf(data_dir: Path, stored: str) -> bytes:
    """The PDF a row names (OSError when it is gone)."""
    return resolve(data_dir, stored).read_bytes()


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory; NTFS journals the rename
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
