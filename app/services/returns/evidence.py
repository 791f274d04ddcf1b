"""The return's unpacking clip and photos (the evidence API for other areas), following the return
mode's decisions (``ReturnMode.listen``): a clip ``return`` starts when a return opens, each unit
scanned back is burned into it, ``CMD:RETURN-PHOTO`` takes a photo, the close stops the clip and
seals the posting's records (the return's events with them) into the evidence log."""
from __future__ import annotations

from datetime import datetime

from app.services.returns import results as rr

PURPOSE = "return"


class ReturnFollower:
    def __init__(self, evidence, *, station_name: str, packer=lambda: None) -> None:
        self.evidence, self.station_name, self.packer = evidence, station_name, packer

    def __call__(self, result) -> None:
        data, posting = result.data, result.posting
        key = f"return-{data.get('return')}"
        if result.code == rr.RETURN_OPENED:
            self.evidence.start_clip(PURPOSE, key, posting=posting, packer=self.packer(), header=[
                f"RETURN {data.get('return_number', '')}  posting {posting}", f"{self.station_name}  {self.packer() or ''}"])
        elif result.code in (rr.RETURN_UNIT_OK, rr.RETURN_UNIT_MISMATCH):
            verdict = "OK" if result.code == rr.RETURN_UNIT_OK else f"MISMATCH {data.get('variant', '')}"
            self.evidence.note(f"{datetime.now():%H:%M:%S} {data.get('product', '')} {data.get('mark', '')} {verdict}",
                               key=key)
        elif result.code == rr.RETURN_PHOTO:
            self.evidence.photo(PURPOSE, key, posting=posting, packer=self.packer(),
                                line=f"return {data.get('return_number', '')}")
        elif result.code == rr.RETURN_CLOSED:
            self.evidence.stop_clip(PURPOSE, key)
            self.evidence.seal_events(posting, reason="return closed")
