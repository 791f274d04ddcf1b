"""The demo's parcel: what a packer's hands do with a ``sim://`` scale.

A simulated scale weighs only what is put on it. At a real bench the packer sets the parcel on
the scale once every unit is verified and lifts it off once it is packed; ``ParcelPlacer`` does
that for the demo, ``packdesk replay`` and the tests, told by the bench's assembly
(``app/bench/devices.py``) what the station answered:

- ``put_on(posting)``: the station weighs that posting. Its parcel goes on the platform, as heavy
  as the catalogue says (``weight_of``; ``SIM_PARCEL_G`` when the catalogue has no weight), off by
  the scale URI's ``offset_pct`` (``sim://?offset_pct=15``: 15 % heavier, a weight mismatch);
  asked again for the same posting (re-weighing after a mismatch) the parcel stays as it is;
- ``take_off()``: packed, parked, put back or another posting opened: the platform is empty.

The station knows nothing of it: a real scale gets no placer.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from app.devices.scales import SimulatedScale

log = logging.getLogger("packdesk.sim.parcel")

SIM_PARCEL_G = 1000.0  # a posting whose products have no catalogue weight


class ParcelPlacer:
    """Puts one posting's parcel at a time on a simulated scale. Called from one thread (the
    station's); ``SimulatedScale`` itself may be read from any."""

    def __init__(self, scale: SimulatedScale, weight_of: Callable[[str], float | None], *,
                 offset_pct: float = 0.0) -> None:
        self.scale, self.weight_of, self.offset_pct = scale, weight_of, offset_pct
        self.on_scale: str | None = None  # the posting whose parcel is on the platform

    def put_on(self, posting: str) -> None:
        if posting == self.on_scale:
            return
        catalogue = self.weight_of(posting)
        grams = (catalogue or SIM_PARCEL_G) * (1.0 + self.offset_pct / 100.0)
        log.debug("parcel of %s on the simulated scale: %.0f g", posting, grams)
        self.scale.set_target(grams)
        self.on_scale = posting

    def take_off(self) -> None:
        if self.on_scale is None:
            return
        log.debug("parcel of %s off the simulated scale", self.on_scale)
        self.scale.set_target(0.0)
        self.on_scale = None
