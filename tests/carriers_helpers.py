"""A desk for carrier tests: a SQLite cache, the outbox drained with the ``carrier_ship`` handler, a
carrier fake on loopback and a clock moved by hand."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.config_carriers import CarrierSettings, CarriersSettings
from app.services.carriers.base import Address, Item, Parcel, Recipient
from app.services.carriers.registry import Carriers
from app.services.carriers.send import KIND, CarrierShip, dedupe_key
from app.services.sync.outbox import OutboxDrainer
from app.sim.carriers.russian_post import LOGIN, PASSWORD, TOKEN, RussianPostFake
from app.store import outbox as store_outbox
from app.store.db import Database, open_database
from app.store.models import LabelRow, OutboxRow
from app.store.models_handover import TrackingNumberRow

START = datetime(2026, 12, 4, 9, 0)


def parcel(reference: str, *, postcode: str = "101000", weight_g: int = 850, city: str = "Москва",
           street: str = "ул. Мясницкая, д. 24") -> Parcel:
    return Parcel(reference, weight_g, 20, 15, 10, 129_900,
                  Recipient("Иванова Анна", "+79001234567", Address(postcode, city, street)),
                  (Item("Кружка", "MUG-1", 1, 129_900, 800),))


@dataclass
class Desk:
    db: Database
    settings: CarriersSettings
    data_dir: Path
    env: dict
    at: list = field(default_factory=lambda: [START])

    def now(self) -> datetime:
        return self.at[0]

    def advance(self, seconds: float) -> None:
        self.at[0] += timedelta(seconds=seconds)

    def __post_init__(self) -> None:
        self.carriers = Carriers(self.settings, self.now, env=self.env)
        self.drainer = OutboxDrainer(None, self.db, now=self.now)
        self.drainer.handlers = {KIND: CarrierShip(self.db, carriers=self.carriers, data_dir=self.data_dir,
                                                   now=self.now)}

    def queue(self, carrier: str, p: Parcel, station: str = "bench-1") -> None:
        self.db.writer.call(lambda s: store_outbox.add(
            s, kind=KIND, posting_number=p.reference, payload={"carrier": carrier, "parcel": p.to_json()},
            dedupe_key=dedupe_key(p.reference), station=station, now=self.now()))

    def drain_until_settled(self, passes: int = 12) -> None:
        """Drain, moving the clock past every wait, until no carrier command is open."""
        for _ in range(passes):
            self.drainer.drain()
            if all(c.state in ("done", "parked") for c in self.commands()):
                return
            self.advance(900)

    def commands(self, kind: str = KIND) -> list[OutboxRow]:
        with self.db.read() as session:
            return list(session.scalars(select(OutboxRow).where(OutboxRow.kind == kind).order_by(OutboxRow.id)))

    def command(self, reference: str) -> OutboxRow:
        return next(c for c in self.commands() if c.posting_number == reference)

    def label(self, reference: str) -> LabelRow | None:
        with self.db.read() as session:
            return session.scalars(select(LabelRow).where(LabelRow.posting_number == reference,
                                                          LabelRow.kind == "carrier")).first()

    def tracking(self, reference: str) -> list[TrackingNumberRow]:
        with self.db.read() as session:
            return list(session.scalars(select(TrackingNumberRow)
                                        .where(TrackingNumberRow.posting_number == reference)))


def make_desk(tmp_path: Path, name: str, base_url: str, login: str, env: dict, **options) -> Desk:
    db = open_database(f"sqlite:///{tmp_path / 'packdesk.db'}")
    settings = CarriersSettings((CarrierSettings(name, base_url, (1,), login, options),))
    return Desk(db, settings, tmp_path, env)


def print_and_decode(desk: Desk, size: str) -> tuple[list, object]:
    """Print the desk's due labels on a TSPL printer at 203 dpi over TCP (the bytes a real printer
    gets), decode the job back to pixels and read its Code 128 barcodes: (texts, bitmap)."""
    import zxingcpp

    from app.devices.printers import open_printer
    from app.devices.printers.decode import decode_job
    from app.devices.printers.status import QUERIES
    from app.services.labels.printing import LabelPrinter
    from printers_helpers import CaptureServer

    with CaptureServer(replies={QUERIES["tspl"][0]: b"\x00"}) as server:
        printer = LabelPrinter(desk.db, open_printer(f"tcp://127.0.0.1:{server.port}?lang=tspl&dpi=203&size={size}"),
                               station="bench-1", data_dir=desk.data_dir, now=desk.now)
        assert printer.print_due().printed == 1
        _, job = server.wait_for(2)
        profile = printer.printer.profile
        printer.close()
    [bitmap] = decode_job(job, profile)
    found = zxingcpp.read_barcodes(bitmap.to_image().convert("L"), formats=zxingcpp.BarcodeFormat.Code128)
    return [f.text for f in found], bitmap


POST_ENV = {"PACKDESK_RUSSIAN_POST_TOKEN": TOKEN, "PACKDESK_RUSSIAN_POST_PASSWORD": PASSWORD}


@pytest.fixture
def post(tmp_path):
    """The Russian Post fake on loopback and a desk whose carrier it is: (fake, desk)."""
    with RussianPostFake() as fake:
        desk = make_desk(tmp_path, "russian_post", fake.base_url, LOGIN, POST_ENV, mail_type="ONLINE_PARCEL",
                         from_postcode="101000", tracking_url=fake.tracking_url)
        yield fake, desk
        desk.db.close()
