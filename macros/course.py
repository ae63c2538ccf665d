"""Is a goal on track? One documented rule, from its activities and its figures; the data may override it.

The rule (README, "Op koers"):

* **achter**: at least half of the goal's current actions and activities are *vertraagd*
  or *gestopt*, or a figure moved away from its target since the baseline;
* **let op**: at least one is *vertraagd* or *gestopt*, or a figure is more than a tenth behind
  the straight line from its baseline to its target (or did not move at all);
* **op koers**: otherwise, when there is something to judge by (an action or a figure
  with a target); without anything to judge by the site says nothing.

A goal's own ``koers: {stand: ..., reden: ...}`` wins, and its reason is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .model import Action, Agenda, Ambition, Indicator, Measurement

STATES = ("op koers", "let op", "achter")
TOLERANCE = 0.1  # a figure within a tenth of the straight line is on it: measurements are not that exact


@dataclass
class Course:
    state: str  # one of STATES
    reasons: list[str] = field(default_factory=list)
    overridden: bool = False


def _goal_actions(agenda: Agenda, amb: Ambition, school_year: str | None) -> list[Action]:
    plan = agenda.year_plan(school_year) if school_year else None
    actions = [a for p in (plan.ambities if plan else []) if p.ambitie == amb.id for a in p.acties]
    return actions + list(amb.activiteiten)


def _day(m: Measurement) -> date:
    assert m.periode is not None
    return m.periode.end


def figure_signal(ind: Indicator, number) -> tuple[int, str] | None:
    """``number(ind, value)`` writes a value with its unit."""
    """(0 ok, 1 let op, 2 achter) with the reason, for an indicator with a direction, a numeric target and a measurement."""
    if ind.beter is None or ind.doel is None or ind.doel.waarde is None:
        return None
    measured = [m for m in ind.series() if m.soort == "gemeten"]
    if not measured:
        return None
    latest, base, target = measured[-1], ind.nulmeting if ind.nulmeting and ind.nulmeting.periode else None, ind.doel.waarde
    up = ind.beter == "hoger"
    reached = latest.waarde >= target if up else latest.waarde <= target
    name = ind.titel
    if reached:
        return 0, f"{name}: doel bereikt ({number(ind, latest.waarde)}, doel {number(ind, target)})"
    if base is None or base is latest:
        return None
    gained = (latest.waarde - base.waarde) if up else (base.waarde - latest.waarde)
    if gained < 0:
        return 2, f"{name}: verder van het doel af dan bij de nulmeting ({number(ind, base.waarde)} → {number(ind, latest.waarde)}, doel {number(ind, target)})"
    if gained == 0:
        return 1, f"{name}: niet veranderd sinds de nulmeting ({number(ind, latest.waarde)}, doel {number(ind, target)})"
    if ind.doel.uiterlijk is not None:
        span = (ind.doel.uiterlijk.end - _day(base)).days
        if span > 0:
            share_of_time = min(1.0, (_day(latest) - _day(base)).days / span)
            needed = abs(target - base.waarde) * share_of_time
            if gained < needed * (1 - TOLERANCE):
                return 1, (f"{name}: minder vooruitgang dan nodig om het doel op tijd te halen "
                           f"({number(ind, latest.waarde)}, doel {number(ind, target)} in {ind.doel.uiterlijk})")
    return 0, f"{name}: op weg naar het doel ({number(ind, base.waarde)} → {number(ind, latest.waarde)}, doel {number(ind, target)})"


def course(agenda: Agenda, amb: Ambition, school_year: str | None, number=lambda ind, value: str(value)) -> Course | None:
    """The goal's state with its reasons; None when there is nothing to judge by. ``number(ind, value)`` formats values."""
    if amb.koers is not None:
        return Course(amb.koers.stand, [amb.koers.reden] if amb.koers.reden else [], overridden=True)
    signals: list[tuple[int, str]] = []
    actions = _goal_actions(agenda, amb, school_year)
    if actions:
        stuck = [a for a in actions if a.status in ("vertraagd", "gestopt")]
        if stuck and len(stuck) * 2 >= len(actions):
            signals.append((2, f"{len(stuck)} van de {len(actions)} acties vertraagd of gestopt"))
        elif stuck:
            signals.append((1, f"{len(stuck)} van de {len(actions)} acties vertraagd of gestopt"))
        else:
            signals.append((0, f"geen van de {len(actions)} acties vertraagd of gestopt"))
    for ind in amb.indicatoren:
        signal = figure_signal(ind, number)
        if signal is not None:
            signals.append(signal)
    if not signals:
        return None
    worst = max(level for level, _ in signals)
    return Course(STATES[worst], [reason for level, reason in signals if level == worst] if worst else [r for _, r in signals])
