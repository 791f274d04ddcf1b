"""What Ozon says about the hand-over, as packdesk sees it: delivery methods with their carriages
(``/v2/carriage/delivery/list``), a carriage (``/v1/carriage/get``), the act's status
(``/v2/posting/fbs/act/check-status``) and the per-posting answers of the status changes.

Carriage id = the act's id (Ozon's "document id"). Dates of departure are calendar days.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class MethodError:
    """A rule of Ozon's about a delivery method today (``package_time_not_passed``...): its code,
    Ozon's own description, and ``status`` ``warning`` or ``critical`` (a critical one stops the
    carriage)."""

    code: str
    description: str = ""
    status: str = ""


@dataclass(frozen=True, slots=True)
class CarriageSummary:
    id: int  # 0: none yet, one can be created
    status: str = ""
    postings_count: int = 0
    available_actions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CarriageMethod:
    """One delivery method's departure: when, how many parcels, its carriages, Ozon's errors."""

    delivery_method_id: int
    name: str = ""
    warehouse_id: int | None = None
    warehouse_name: str = ""
    provider_name: str = ""
    departure_date: date | None = None
    cutoff_at: datetime | None = None
    mandatory_postings_count: int = 0
    mandatory_packaged_count: int = 0
    first_mile_type: str = ""
    timeslot_from: datetime | None = None
    timeslot_to: datetime | None = None
    errors: tuple[MethodError, ...] = ()
    carriages: tuple[CarriageSummary, ...] = ()


@dataclass(frozen=True, slots=True)
class Carriage:
    """``/v1/carriage/get``."""

    carriage_id: int
    status: str
    delivery_method_id: int | None = None
    departure_date: date | None = None
    available_actions: tuple[str, ...] = ()
    cancel_available: bool = False
    cancel_reason: str = ""
    has_postings_for_next_carriage: bool = False
    is_partial: bool = False


@dataclass(frozen=True, slots=True)
class ActStatus:
    """``/v2/posting/fbs/act/check-status``: ``added_to_act`` go today; ``removed_from_act`` wait
    for a later carriage."""

    status: str  # in_process | ready | error | cancelled
    added_to_act: tuple[str, ...] = ()
    removed_from_act: tuple[str, ...] = ()
    has_postings_for_next_carriage: bool = False
    is_partial: bool = False


@dataclass(frozen=True, slots=True)
class PostingAnswer:
    """One posting's answer in a batch (tracking numbers, delivering, set-postings): a 200 can
    hide refusals of single postings. ``error`` is Ozon's code or text ("" when none)."""

    posting_number: str
    ok: bool
    error: str = ""
