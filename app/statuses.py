"""Posting statuses, named once: Ozon's ``status`` values, the bench's ``local_state`` values, and
the rule that moves a local state along when the sync sees a new Ozon status.

Everything may import this module (the store, the Ozon client, the simulator, the services, the
window); it imports nothing of ours.

Ozon's statuses (the spec's table of statuses, ozon-api-notes.md §3, ozon-after-ship.md §8), in
the sets the bench decides by; each status is in exactly one set:

- before packing: ``acceptance_in_progress``, ``awaiting_approve``, ``awaiting_verification`` (the
  spec lists ``acceptance_in_progress``, "acceptance in progress", first, before ``awaiting_approve``);
- packable: ``awaiting_packaging``;
- shipped (the ship went through, the parcel is still at the seller's): ``awaiting_deliver``, and
  ``awaiting_registration`` (rFBS Aggregator, until the partner registers it);
- handed over (the parcel has left the seller's hands): ``sent_by_seller``, ``delivering``,
  ``driver_pickup``, ``delivered``, and the disputes after a hand-over: ``not_accepted`` (the
  sorting centre did not scan it in), ``arbitration`` (the seller disputes that), ``client_arbitration``
  (the buyer disputes the delivery). ``not_accepted`` is not a cancellation: it leads to arbitration
  and back to ``awaiting_deliver``, never to ``cancelled``;
- cancelled: ``cancelled``, ``cancelled_from_split_pending`` (a split's parent: its goods went to
  the children).

The bench's local states are CONTRACT.md's "Listing rules"; ``LocalState`` members are ``str``, so
they go into SQL and JSON as the same words.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# -- Ozon's posting statuses, in the order a posting meets them ---------------------------------
ACCEPTANCE_IN_PROGRESS = "acceptance_in_progress"
AWAITING_APPROVE = "awaiting_approve"
AWAITING_VERIFICATION = "awaiting_verification"
AWAITING_PACKAGING = "awaiting_packaging"
AWAITING_REGISTRATION = "awaiting_registration"
AWAITING_DELIVER = "awaiting_deliver"
SENT_BY_SELLER = "sent_by_seller"
DRIVER_PICKUP = "driver_pickup"
DELIVERING = "delivering"
DELIVERED = "delivered"
NOT_ACCEPTED = "not_accepted"
ARBITRATION = "arbitration"
CLIENT_ARBITRATION = "client_arbitration"
CANCELLED = "cancelled"
CANCELLED_FROM_SPLIT_PENDING = "cancelled_from_split_pending"

# Ozon's substatus of a parcel handed over that the sorting centre has not scanned in
SUBSTATUS_NOT_IN_SORT_CENTER = "posting_not_in_sort_center"
# rFBS Aggregator: shipped, the partner has not registered it yet / refused to register it
SUBSTATUS_AWAITING_REGISTRATION = "posting_awaiting_registration"
SUBSTATUS_REGISTRATION_ERROR = "posting_registration_error"
# rFBS own carrier: the courier is on the way to the buyer (after ``/v2/fbs/posting/last-mile``)
SUBSTATUS_LAST_MILE = "posting_in_courier_service"
# a parcel on its way back to the seller's warehouse
RETURNING_SUBSTATUSES = frozenset({"posting_returned_to_warehouse"})

BEFORE_PACKING_STATUSES = frozenset({ACCEPTANCE_IN_PROGRESS, AWAITING_APPROVE, AWAITING_VERIFICATION})
PACKABLE_STATUSES = frozenset({AWAITING_PACKAGING})
SHIPPED_STATUSES = frozenset({AWAITING_DELIVER, AWAITING_REGISTRATION})
HANDED_OVER_STATUSES = frozenset({SENT_BY_SELLER, DRIVER_PICKUP, DELIVERING, DELIVERED,
                                  NOT_ACCEPTED, ARBITRATION, CLIENT_ARBITRATION})
CANCELLED_STATUSES = frozenset({CANCELLED, CANCELLED_FROM_SPLIT_PENDING})
# who cancelled a posting, from Ozon's ``cancellation_type`` ("client" and "customer" both mean the buyer)
_CANCELLED_BY = {"seller": "seller", "client": "buyer", "customer": "buyer", "ozon": "ozon", "system": "system",
                 "delivery": "delivery"}
CANCELLED_BY = tuple(sorted(set(_CANCELLED_BY.values())))


def cancelled_by(cancellation_type: str | None) -> str | None:
    """Ozon's ``cancellation_type`` as one of ``CANCELLED_BY``; None when Ozon gave none we know."""
    return _CANCELLED_BY.get((cancellation_type or "").strip().lower())
# a parcel handed over that Ozon has not taken in yet: still awaiting delivery, or not accepted
NOT_SCANNED_BY_OZON_STATUSES = frozenset({AWAITING_DELIVER, NOT_ACCEPTED})
# the tracking monitor's postings: shipped or handed over, not delivered yet
IN_TRANSIT_STATUSES = (SHIPPED_STATUSES | HANDED_OVER_STATUSES) - {DELIVERED}
OZON_STATUSES = (ACCEPTANCE_IN_PROGRESS, AWAITING_APPROVE, AWAITING_VERIFICATION, AWAITING_PACKAGING,
                 AWAITING_REGISTRATION, AWAITING_DELIVER, SENT_BY_SELLER, DRIVER_PICKUP, DELIVERING, DELIVERED,
                 NOT_ACCEPTED, ARBITRATION, CLIENT_ARBITRATION, CANCELLED, CANCELLED_FROM_SPLIT_PENDING)


# -- the bench's local states -----------------------------------------------------------------
class LocalState(StrEnum):
    WAITING = "waiting"          # not started
    IN_PROGRESS = "in_progress"  # open or parked at a station (a wave's member until verified)
    PACKED = "packed"            # verified and weighed, the ship command queued
    SHIPPED = "shipped"          # Ozon confirmed the ship
    LABELLED = "labelled"        # Ozon's label printed
    HANDED_OVER = "handed_over"  # the parcel has left the seller's hands
    PROBLEM = "problem"          # parked with a reason for a person
    CANCELLED = "cancelled"


LOCAL_STATES = tuple(LocalState)
PACKABLE_LOCAL_STATES = frozenset({LocalState.WAITING, LocalState.IN_PROGRESS})
PACKED_LOCAL_STATES = frozenset({LocalState.PACKED, LocalState.SHIPPED, LocalState.LABELLED, LocalState.HANDED_OVER})
BEFORE_HANDOVER_STATES = frozenset({LocalState.WAITING, LocalState.PACKED, LocalState.SHIPPED, LocalState.LABELLED})
# shipped and waiting at the bench for a hand-over (the label printed, or not yet)
READY_FOR_HANDOVER_STATES = frozenset({LocalState.SHIPPED, LocalState.LABELLED})


# -- what Ozon's status does to the local state ------------------------------------------------
@dataclass(frozen=True)
class LocalStateRule:
    """Ozon reports one of ``statuses`` for a posting in one of ``from_states`` (None: any): the
    local state becomes ``new``."""

    new: LocalState
    statuses: frozenset[str]
    from_states: frozenset[LocalState] | None = None

    def applies(self, old: str, status: str) -> bool:
        return status in self.statuses and (self.from_states is None or old in self.from_states)


# The first rule that applies wins; none: the local state stays. The store renders the same rules
# as SQL for its bulk upsert (app.store.postings); a test checks both over every combination.
LOCAL_STATE_RULES = (
    # a cancellation stops everything, whatever the bench had done
    LocalStateRule(LocalState.CANCELLED, CANCELLED_STATUSES),
    # shipped without this bench (seller's office, a lost answer): a bench's own ship is confirmed by
    # its outbox, and a wave's member stays in progress until verified at the bench
    LocalStateRule(LocalState.SHIPPED, SHIPPED_STATUSES, frozenset({LocalState.WAITING})),
    LocalStateRule(LocalState.HANDED_OVER, HANDED_OVER_STATUSES, BEFORE_HANDOVER_STATES),
)


def derive_local_state(old: str, status: str) -> str:
    """The bench's state after Ozon reports ``status`` for a posting that was in ``old``."""
    for rule in LOCAL_STATE_RULES:
        if rule.applies(old, status):
            return rule.new
    return old
