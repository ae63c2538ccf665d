"""Scaffold next school year's plan from the current one (``lea new-year``).

Unfinished actions (gepland, lopend, vertraagd) carry over with the same id and
``doorgeschoven_van``; finished and stopped ones stay behind. Plannings move one
year on; budgets, progress notes, evaluations, stated totals and everything written
for that one year (year goal, situation, approach, the budget's name) are emptied,
so that last year's goal cannot be published as this year's; the plan starts as a
concept.
"""

from __future__ import annotations

from typing import Any

import yaml

from .model import Agenda
from .values import parse_planning, shift_planning
from .verdicts import written_status

FINISHED = ("afgerond", "gestopt")  # everything else (no status reported included) is carried over
HEADER = "# yaml-language-server: $schema={schema}\n"


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return float(value)
    return value


def scaffold(agenda: Agenda, raw_plan: dict, target_year: str) -> dict:
    """The raw YAML mapping of the new plan, built from the raw source plan."""
    source = agenda.year_plan(str(raw_plan["schooljaar"]))
    assert source is not None
    years = int(target_year[:4]) - int(source.schooljaar[:4])
    plan = _plain(raw_plan)
    plan["schooljaar"] = target_year
    plan["vaststelling"] = {"status": "concept"}
    plan.pop("inleiding", None)
    if isinstance(plan.get("budget"), dict):
        plan["budget"] = {k: v for k, v in plan["budget"].items() if k in ("beschikbaar", "kostenplaats")}
    for amb_raw, amb_model in zip(plan.get("ambities") or [], source.ambities):
        for key in ("begroting", "jaardoel", "huidige_situatie", "aanpak"):
            amb_raw.pop(key, None)
        kept = []
        for act_raw, act in zip(amb_raw.get("acties") or [], amb_model.acties):
            if written_status(act) in FINISHED:
                continue
            for key in ("begroting", "voortgang", "evaluatie", "resultaat"):
                act_raw.pop(key, None)
            act_raw["status"] = "gepland"
            act_raw["doorgeschoven_van"] = source.schooljaar
            if act.planning is not None:
                act_raw["planning"] = shift_planning(parse_planning(act_raw["planning"]), years)
            kept.append(act_raw)
        amb_raw["acties"] = kept
    return plan


def render(plan: dict, schema_path: str) -> str:
    body = yaml.safe_dump({"jaarplan": plan}, allow_unicode=True, sort_keys=False, width=100)
    note = (
        f"# Jaarplan {plan['schooljaar']}: opgezet met 'lea new-year' uit het vorige jaarplan.\n"
        "# Doorgeschoven acties staan klaar met status gepland. Vul per ambitie jaardoel, huidige_situatie en aanpak in,\n"
        "# en per actie de begroting; controleer het beschikbare budget (overgenomen van het vorige jaar).\n"
    )
    return HEADER.format(schema=schema_path) + note + body
