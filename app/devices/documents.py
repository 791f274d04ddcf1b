"""The office printer for A4 documents (acts of hand-over, reports): ``[devices] document_printer``.

    printer = open_document_printer("cups://Office", sim_dir=data_dir / "printed")
    where = printer.print_pdf(Path("acts/carriage-1.pdf"))   # "cups://Office"

URIs (the device URI grammar of CONTRACT.md): ``cups://QUEUE`` (``lp -d QUEUE``: CUPS renders the
PDF), ``tcp://HOST[:9100]`` (the PDF sent raw: printers with PDF direct print), ``file:PATH``
(copied to PATH, a directory or a file), ``win://PRINTER`` (Windows: the shell's print verb, to the
default printer), ``sim://`` (copied under ``sim_dir``: the demo and tests). Nothing holds the
device open between documents. A printer that cannot take the document raises ``DocumentPrintError``
with the reason for a person.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

from app.devices.uri import DeviceUriError, parse_device_uri

SCHEMES = ("cups", "tcp", "file", "win", "sim")
RAW_PORT = 9100
TIMEOUT_S = 60.0


class DocumentPrintError(Exception):
    """The document did not print (the reason, for a person)."""


@dataclass(frozen=True)
class DocumentPrinter:
    uri: str
    scheme: str
    target: str
    sim_dir: Path | None = None

    def print_pdf(self, path: Path, *, title: str = "packdesk document") -> str:
        """Print the PDF at ``path``; returns where it went."""
        path = Path(path)
        if not path.is_file():
            raise DocumentPrintError(f"{path} does not exist")
        if self.scheme == "cups":
            return self._lp(path, title)
        if self.scheme == "tcp":
            return self._raw(path)
        if self.scheme == "file":
            return self._copy(path, Path(self.target))
        if self.scheme == "sim":
            return self._copy(path, self.sim_dir or path.parent)
        return self._windows(path)

    def _lp(self, path: Path, title: str) -> str:
        command = ["lp", "-d", self.target, "-t", title, str(path)]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
        except FileNotFoundError:
            raise DocumentPrintError("'lp' not found: install the CUPS client (apt-get install cups-client)") from None
        except subprocess.TimeoutExpired:
            raise DocumentPrintError(f"lp did not take the document for {self.target!r} in {TIMEOUT_S:g} s") from None
        if done.returncode != 0:
            reason = done.stderr.decode(errors="replace").strip() or f"exit code {done.returncode}"
            raise DocumentPrintError(f"lp failed for {self.target!r}: {reason}")
        return self.uri

    def _raw(self, path: Path) -> str:
        host, _, port = self.target.rpartition(":")
        try:
            with socket.create_connection((host, int(port)), timeout=TIMEOUT_S) as sock:
                sock.sendall(path.read_bytes())
        except OSError as exc:
            raise DocumentPrintError(f"{self.uri}: {exc.strerror or exc}") from None
        return self.uri

    def _copy(self, path: Path, target: Path) -> str:
        try:
            if target.is_dir() or not target.suffix:
                target.mkdir(parents=True, exist_ok=True)
                target = target / path.name
            shutil.copyfile(path, target)
        except OSError as exc:
            raise DocumentPrintError(f"cannot write {target}: {exc.strerror or exc}") from None
        return str(target)

    def _windows(self, path: Path) -> str:
        if os.name != "nt":
            raise DocumentPrintError("win:// printers print from Windows only")
        try:
            os.startfile(str(path), "print")  # type: ignore[attr-defined]  # the default printer
        except OSError as exc:
            raise DocumentPrintError(f"Windows could not print {path.name}: {exc}") from None
        return self.uri


def open_document_printer(uri: str, *, sim_dir: Path | None = None) -> DocumentPrinter | None:
    """The configured document printer, or None when none is configured. A wrong URI raises
    ``DeviceUriError``."""
    if not uri or not uri.strip():
        return None
    parsed = parse_device_uri(uri.strip())
    if parsed.scheme not in SCHEMES:
        raise DeviceUriError("uri_document_scheme", schemes=", ".join(s + "://" for s in SCHEMES), uri=repr(uri))
    target = parsed.target
    if parsed.scheme == "tcp":
        host, port = parsed.host_port(RAW_PORT)
        target = f"{host}:{port}"
    if parsed.scheme in ("cups", "tcp", "win", "file") and not target:
        raise DeviceUriError("uri_no_printer", uri=repr(uri))
    return DocumentPrinter(uri.strip(), parsed.scheme, target, sim_dir)
