"""The packing video follows the station (``Station.listen``): a clip per posting and box, a line
for each decision, a photo at the weighing, and the posting's records sealed when it leaves the bench.

    follower = PackingFollower(evidence, station_name="bench-1", lang="ru")
    station.listen(follower, after_answer=True)  # each committed decision, once its answer is shown

The listener only hands the result to the evidence thread; what it means is decided there:

- a posting opened (or its first unit counted, or a new box begun): a clip of that posting and
  box starts (the clip of another posting or box stops first);
- each unit scan, weight and refusal: a line burned into the clip;
- weight accepted: the photo of the parcel on the scale, the clip stops, the records are sealed;
- parked, put back, short, stopped (cancelled on Ozon) or idle: the clip stops, the records are sealed.
"""
from __future__ import annotations

from datetime import datetime, timezone

from app.services.evidence import notes
from app.services.station import results as r

OPENING = (r.POSTING_OPENED, r.ITEM_ACCEPTED, r.POSTING_COMPLETE, r.BOX_STARTED)
ENDING = (r.WEIGHT_ACCEPTED, r.POSTING_PARKED, r.POSTING_RELEASED, r.POSTING_SHORT)
PACKING = "packing"


class PackingFollower:
    def __init__(self, evidence, *, station_name: str, lang: str, packer=lambda: None) -> None:
        self.evidence, self.station_name, self.lang, self.packer = evidence, station_name, lang, packer
        self.clip: tuple[str, int] | None = None  # (posting, box) being filmed

    def __call__(self, result: r.StationResult) -> None:
        """On the station's thread: hand over, nothing more."""
        self.evidence.submit(self.follow, result, datetime.now(timezone.utc), self.packer())

    def follow(self, result: r.StationResult, at: datetime, packer: str | None) -> None:
        """On the evidence thread: what the decision means for the video and the log."""
        ev, posting, data = self.evidence, result.posting, result.data
        if result.code == r.POSTING_OPENED and data.get("parked"):
            ev.seal_events(data["parked"], reason="parked")
        if result.code in OPENING and posting and result.ok:
            box = int(data.get("box") or 1)
            if self.clip != (posting, box):
                ev.start_clip(PACKING, posting, posting=posting, box=box, packer=packer,
                              header=notes.header(posting, box, self.station_name, packer, self.lang))
                self.clip = (posting, box)
        line = notes.note(result, at, self.lang)
        if line and self.clip is not None:
            ev.note(line, key=self.clip[0])
        if result.code == r.WEIGHT_ACCEPTED and posting:
            ev.photo("weighing", posting, posting=posting, packer=packer, line=line or "",
                     header=notes.header(posting, int(data.get("box") or (self.clip or ("", 1))[1]),
                                         self.station_name, packer, self.lang))
        ending = result.code in ENDING or (result.code == r.POSTING_NOT_PACKABLE and result.state != r.PACKING
                                           and self.clip is not None and self.clip[0] == posting)
        if ending or (result.state == r.IDLE and self.clip is not None):
            if self.clip is not None:
                ev.stop_clip(PACKING, self.clip[0])
            self.clip = None
            if posting:
                ev.seal_events(posting, reason=result.code)
