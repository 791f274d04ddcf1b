"""What was scanned into the courier's bag against what Ozon put in the carriage's act (pure).

    plan = compare(scanned, added_to_act, removed_from_act)
    plan.keep      # in the act and in the bag: what the carriage should hold
    plan.not_here  # in the act, not in the bag: trimmed with set-postings (they go with a later carriage)
    plan.left_out  # in the bag, not in the act: shown to a person (Ozon takes them in a later carriage)
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Plan:
    keep: tuple[str, ...]
    not_here: tuple[str, ...]
    left_out: tuple[str, ...]

    @property
    def trim(self) -> bool:
        """The carriage holds parcels that are not physically here."""
        return bool(self.not_here)


def compare(scanned: Iterable[str], added_to_act: Iterable[str], removed_from_act: Iterable[str] = ()) -> Plan:
    bag = list(dict.fromkeys(scanned))
    act = list(dict.fromkeys(added_to_act))
    in_bag, in_act = set(bag), set(act)
    removed = [n for n in dict.fromkeys(removed_from_act) if n in in_bag and n not in in_act]
    return Plan(keep=tuple(n for n in act if n in in_bag),
                not_here=tuple(n for n in act if n not in in_bag),
                left_out=tuple(dict.fromkeys([*removed, *(n for n in bag if n not in in_act)])))
