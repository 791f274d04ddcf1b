"""Label-first waves (Qt-free): meet Ozon's label delay on high-volume days.

    plan = plan_wave(db, "bench-1", delivery_method_id=7, due_by=end_of_day(date.today()), now=now)
    shipped = ship_wave(db, plan.wave_id, "bench-1", now=now)   # one ship command per posting, one transaction
    wave_status(db, plan.wave_id)                               # verified / pending / short ...

Plan: packable postings (Ozon ``awaiting_packaging``, local ``waiting``, unclaimed, in no wave),
optionally of one delivery method and due by a time; each is checked (``checks``) and the ones
that pass get a pick order. Ship: each member still packable is claimed for the station, marked
with the wave (``postings.wave_id``, local_state stays ``in_progress``: shipped on Ozon, not yet
verified) and gets a ``ship`` command with its full quantities in one package; the outbox sends
them, the label pipeline fetches and prints their labels in pick order. At the bench, scanning the
Ozon label opens the posting; the weight records it done with no network step
(``app.services.station.wave_bench``); ``CMD:SHORT`` flags a parcel whose units cannot be found.
"""
from app.services.waves.checks import check_posting
from app.services.waves.plan import WavePlan, end_of_day, plan_wave
from app.services.waves.ship import WaveShipped, ship_wave
from app.services.waves.status import wave_status

__all__ = ["WavePlan", "WaveShipped", "check_posting", "end_of_day", "plan_wave", "ship_wave", "wave_status"]
