"""The last steps of an rFBS parcel with the seller's own carrier (app.sim.ozon.own_carrier):
``/v2/fbs/posting/last-mile`` and ``/v2/fbs/posting/delivered``, asynchronous like ``delivering``."""
from __future__ import annotations

from app.sim.ozon.context import Context
from app.sim.ozon.handlers.own_carrier import _numbers


def last_mile(ctx: Context, body: dict) -> dict:
    return {"result": ctx.status_changes.last_mile(_numbers(body, "postingFbsPostingLastMileRequest"))}


def delivered(ctx: Context, body: dict) -> dict:
    return {"result": ctx.status_changes.delivered(_numbers(body, "postingFbsPostingDeliveredRequest"))}
