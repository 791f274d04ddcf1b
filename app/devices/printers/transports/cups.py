"""A CUPS raw queue (``cups://QUEUE``): the job goes to ``lp -d QUEUE -o raw`` on stdin.

Set the queue up once with ``lpadmin -p QUEUE -E -v usb://... -m raw``.
"""
from __future__ import annotations

import subprocess

from app.devices.printers.errors import PrinterError, PrinterTimeout, PrinterUnavailable


class CupsTransport:
    def __init__(self, queue: str, *, lp: str = "lp", timeout: float = 60.0) -> None:
        self.queue, self.lp, self.timeout = queue, lp, timeout
        self.name = f"cups://{queue}"

    def send(self, data: bytes) -> None:
        command = [self.lp, "-d", self.queue, "-o", "raw", "-t", "packdesk label"]
        try:
            done = subprocess.run(command, input=data, capture_output=True, timeout=self.timeout, check=False)
        except FileNotFoundError as exc:
            raise PrinterUnavailable(
                f"'{self.lp}' not found: install the CUPS client (apt-get install cups-client)") from exc
        except subprocess.TimeoutExpired as exc:
            raise PrinterTimeout(f"lp did not take the job for queue {self.queue!r} in {self.timeout:g} s") from exc
        if done.returncode != 0:
            reason = done.stderr.decode(errors="replace").strip() or f"exit code {done.returncode}"
            if "does not exist" in reason or "Unknown destination" in reason:
                raise PrinterUnavailable(f"CUPS has no queue {self.queue!r}: {reason}")
            raise PrinterError(f"lp failed for queue {self.queue!r}: {reason}")

    def close(self) -> None:
        """Nothing stays open between jobs."""
