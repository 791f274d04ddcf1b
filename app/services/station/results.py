"""What the station answers: a code (CONTRACT.md, "Replay scripts"), the state it is in, and data
from which the message in the packer's language is made (``app.messages``, keys ``station_<code>``)."""
from __future__ import annotations

from dataclasses import dataclass, field

from app.messages import CATALOGUE
from app.messages.problems import problem_words
from app.messages.scan_problems import scan_problem_words
from app.messages.statuses import cancelled_detail, local_state_word, status_word
from app.statuses import OZON_STATUSES

# states
IDLE = "idle"            # nothing open
PACKING = "packing"      # a posting is open, units to go
WEIGHING = "weighing"    # every unit verified; waiting for a stable weight
ERROR = "error"          # an error is shown and held until acknowledged (reported, not stored)
STATES = (IDLE, PACKING, WEIGHING, ERROR)

# codes the contract names
POSTING_OPENED = "posting_opened"
ITEM_ACCEPTED = "item_accepted"
POSTING_COMPLETE = "posting_complete"
WEIGHT_ACCEPTED = "weight_accepted"
WEIGHT_MISMATCH = "weight_mismatch"
WRONG_ITEM = "wrong_item"
OVER_SCAN = "over_scan"
UNKNOWN_BARCODE = "unknown_barcode"
POSTING_NOT_FOUND = "posting_not_found"
POSTING_NOT_PACKABLE = "posting_not_packable"
DUPLICATE_UNIT = "duplicate_unit"
MARKING_INVALID = "marking_invalid"
# codes of our own
BAD_SCAN = "bad_scan"                  # not a barcode at all (empty, control characters, too long...)
MARK_REQUIRED = "mark_required"        # a product that needs its marking code was scanned by EAN
NO_PACKABLE_POSTING = "no_packable_posting"  # idle; a known item no packable posting wants
ACKNOWLEDGED = "acknowledged"
POSTING_PARKED = "posting_parked"
POSTING_RELEASED = "posting_released"  # CMD:CANCEL
BOX_STARTED = "box_started"
BOX_EMPTY = "box_empty"
BARCODE_TAUGHT = "barcode_taught"
NOT_AUTHORIZED = "not_authorized"
TEACH_NEEDS_LINE = "teach_needs_line"
NOTHING_OPEN = "nothing_open"          # a command or a weight with no posting open
NOT_COMPLETE = "not_complete"          # a weight before every unit is verified
WEIGHT_UNSTABLE = "weight_unstable"    # a moving reading: ignored
NOTHING_TO_OVERRIDE = "nothing_to_override"
STATUS = "status"                      # a look at the station (nothing changed)
SCALE_UNAVAILABLE = "scale_unavailable"  # replay/GUI: the configured scale gave no stable reading
WAITED = "waited"                      # replay: a wait_s event
# the verify-first shelf (a parcel's own label PDK:<posting> scanned against the printed Ozon labels)
LABEL_MATCHED = "label_matched"        # the Ozon label printed for this parcel is now on it
LABEL_ALREADY_MATCHED = "label_already_matched"
WRONG_PARCEL = "wrong_parcel"          # Ozon labels wait for other parcels: this is not one of them
LABEL_NOT_READY = "label_not_ready"    # this parcel's Ozon label is not printed yet (or parked)
# label-first waves
POSTING_SHORT = "posting_short"        # CMD:SHORT: units cannot be found; flagged for a person
# marking codes Ozon refused (app.services.station.mark_fix)
MARK_REPLACED = "mark_replaced"        # a new code for a unit whose code Ozon refused
UNIT_WEIGHED = "unit_weighed"          # a unit sold by weight weighed alone (its weight goes to Ozon)
UNIT_WEIGHT_OUT_OF_RANGE = "unit_weight_out_of_range"  # outside Ozon's weight_min/weight_max for it
# people (app.services.people.sign_in): who works at the bench
PACKER_SIGNED_IN = "packer_signed_in"    # CMD:LOGIN:<badge> or a PIN (every later event carries that packer)
PACKER_UNKNOWN = "packer_unknown"        # a badge or PIN nobody has
PACKER_SIGNED_OUT = "packer_signed_out"  # CMD:LOGOUT, the button, or the idle time ran out
SIGN_IN_REQUIRED = "sign_in_required"    # nobody signed in at a bench whose people sign in
SUPERVISOR_UNKNOWN = "supervisor_unknown"  # an override confirmed with a badge or PIN nobody has
# a phone's IMEI, a jewel's UIN asked for after the unit's item scan (app.services.station.unit_ids)
UNIT_ID_ACCEPTED = "unit_id_accepted"  # kept with the unit, sent to Ozon in its exemplar set
UNIT_ID_INVALID = "unit_id_invalid"    # not an IMEI/UIN (the reason: length, check digit...)
UNIT_ID_REQUIRED = "unit_id_required"  # another item (or the scale) before the unit's IMEI/UIN
FIX_FIRST = "fix_first"  # the scale while a reopened posting waits for what replaces Ozon's refusal

OK_CODES = frozenset({
    POSTING_OPENED, ITEM_ACCEPTED, POSTING_COMPLETE, WEIGHT_ACCEPTED, ACKNOWLEDGED, POSTING_PARKED,
    POSTING_RELEASED, BOX_STARTED, BARCODE_TAUGHT, STATUS, WAITED, LABEL_MATCHED, LABEL_ALREADY_MATCHED,
    POSTING_SHORT, MARK_REPLACED, UNIT_WEIGHED, PACKER_SIGNED_IN, PACKER_SIGNED_OUT, UNIT_ID_ACCEPTED,
})
# errors that hold the station until acknowledged (next valid scan, CMD:ACK, acknowledge())
HELD_CODES = frozenset({
    WRONG_ITEM, OVER_SCAN, UNKNOWN_BARCODE, DUPLICATE_UNIT, MARKING_INVALID, POSTING_NOT_FOUND,
    POSTING_NOT_PACKABLE, MARK_REQUIRED, NO_PACKABLE_POSTING, WRONG_PARCEL, UNIT_ID_INVALID, UNIT_ID_REQUIRED,
})


@dataclass(frozen=True)
class StationResult:
    ok: bool
    code: str
    posting: str | None
    state: str
    data: dict = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        """The text the packer reads (``lang``: ru, zh or en)."""
        entry = CATALOGUE[_message_key(self.code, self.data)]
        params = _Params({"posting": self.posting or "", **self.data})
        if self.code in (BAD_SCAN, MARKING_INVALID) and params.get("problem"):
            params["problem"] = scan_problem_words(params["problem"], lang)
        if self.code == POSTING_NOT_PACKABLE:  # a status in the packer's words, not Ozon's or the bench's code
            detail = params.get("detail")
            if params.get("reason") == "packed" and detail:
                params["detail"] = local_state_word(detail, lang)
            elif params.get("reason") == "problem":
                params["detail"] = problem_words(detail, lang)
            elif detail in OZON_STATUSES:
                params["detail"] = status_word(detail, lang)
            if params.get("by"):  # a cancellation: who cancelled it, in the packer's words
                said_by_ozon = detail not in OZON_STATUSES
                params["detail"] = cancelled_detail(params["by"], detail, lang, in_ozon_words=said_by_ozon)
        return (entry.get(lang) or entry["en"]).format_map(params)

    def as_dict(self, lang: str = "en") -> dict:
        return {"ok": self.ok, "code": self.code, "posting": self.posting, "state": self.state,
                "message": self.message(lang), "data": self.data}


def result(code: str, posting: str | None, state: str, **data) -> StationResult:
    return StationResult(code in OK_CODES, code, posting, state, data)


def _message_key(code: str, data: dict) -> str:
    """``station_<code>``, or a variant of it the data calls for (``station_<code>_<variant>``)."""
    variant = None
    if code == POSTING_NOT_PACKABLE:
        variant = data.get("reason")
        if variant == "packed" and not data.get("holder"):  # shipped, but by no bench of ours
            variant = "packed_elsewhere"
    elif code == POSTING_OPENED and data.get("parked"):
        variant = "parked"
    elif code in (POSTING_OPENED, WEIGHT_ACCEPTED, POSTING_SHORT) and data.get("wave"):
        variant = "wave"
    elif code == LABEL_NOT_READY and data.get("label_state") == "parked":
        variant = "parked"
    elif code in (ITEM_ACCEPTED,) and data.get("opened") and not data.get("asks"):
        variant = "opened"
    elif code == POSTING_OPENED and data.get("fix_marks"):
        variant = "fix_marks"
    elif code == POSTING_OPENED and data.get("fix_customs"):
        variant = f"fix_customs_{data.get('kind')}"
    elif code == MARKING_INVALID:
        variant = data.get("reason")
    elif code in (UNIT_ID_ACCEPTED, UNIT_ID_REQUIRED, UNIT_ID_INVALID):
        variant = f"{data.get('kind')}_{data.get('reason')}" if code == UNIT_ID_INVALID else data.get("kind")
        if code == UNIT_ID_ACCEPTED and (data.get("complete") or data.get("resent")):
            variant = f"{variant}_{'resent' if data.get('resent') else 'complete'}"
    elif code == ITEM_ACCEPTED and data.get("asks"):
        variant = f"asks_{data['asks']}"
    elif code in (ITEM_ACCEPTED, POSTING_COMPLETE) and data.get("mark_not_needed"):
        variant = "mark_not_needed"
    elif code == MARK_REPLACED and data.get("resent"):
        variant = "resent"
    elif code == UNKNOWN_BARCODE and data.get("layout"):
        variant = "layout"
    elif code in (SIGN_IN_REQUIRED, PACKER_SIGNED_OUT):
        variant = data.get("reason")
    elif code == WEIGHT_ACCEPTED and data.get("unchecked"):
        variant = "unchecked"
    key = f"station_{code}"
    return f"{key}_{variant}" if variant and f"{key}_{variant}" in CATALOGUE else key


class _Params(dict):
    """Message parameters: a placeholder the data lacks reads as an empty string, never a crash."""

    def __missing__(self, key: str) -> str:
        return ""
