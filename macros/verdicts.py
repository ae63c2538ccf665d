"""Every verdict the site derives from the data, decided here once, with its reasons.

Pages, PDFs, ``agenda.json``, CSV, feeds and ``lea diff`` render what this module decides and
never judge for themselves. The rules, in the README's table "Hoe de site oordeelt":

* **The term** (:func:`term_state`): an agenda runs from 1 August of its first year to 31 July
  of its last. Once it has ended, every verdict is judged as of that last day, never as of today.
* **An action's status** (:func:`action_state`): what the data writes (``status``, or else the
  status of its latest progress note). Nothing written is *niet gemeld*, never "gepland". An
  action whose planned period ended before the day of judgement, that is not *afgerond* or
  *gestopt* and got no progress note since, is *niet bijgewerkt* since then.
* **A goal's course** (:func:`goal_course`), only on evidence:

  - **achter**: at least half of the actions with a current reported status are *vertraagd* or
    *gestopt*, or a recent figure moved away from its target since the baseline;
  - **let op**: at least one is, or a recent figure is more than a tenth behind the straight line
    from its baseline to its target (or did not move);
  - **op koers**: otherwise, when at least one action is *lopend* or *afgerond*, or a recent figure
    is on its way; a planned action that has not started says nothing yet;
  - **onbekend**: no evidence at all; the reasons say what is missing. A figure counts when it was
    measured in the two years before the day of judgement.

  The goal's own ``koers: {stand, reden}`` wins and is shown as the partners' judgement.
* **Money** (:func:`spending`): spent is compared with planned only for the items that reported
  spending, and the sentence says how many did; overspending is named per item. The base is the
  total costs (``kosten``) unless said otherwise; tables name it.
* **What changed since** (:func:`unchanged_since`): "niets veranderd" only for a period the
  history covers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable, Iterable

from .checks import ambition_plan_totals, year_totals
from .values import school_year_bounds
from .model import Action, Agenda, Ambition, AmbitionPlan, Budget, Indicator, Measurement, YearPlan

COURSE_STATES = ("op koers", "let op", "achter", "onbekend")
COURSE_LABELS = {"op koers": "Op koers", "let op": "Let op", "achter": "Achter", "onbekend": "Stand onbekend"}
NOT_REPORTED = "niet gemeld"
NOT_UPDATED = "niet bijgewerkt"
NOT_BEGUN = "nog niet begonnen"  # an unreported action of a plan whose school year lies ahead
TOLERANCE = 0.1  # a figure within a tenth of the straight line is on it: measurements are not that exact
FRESH = timedelta(days=2 * 365)  # an older measurement says nothing about how a goal is doing now
STUCK = ("vertraagd", "gestopt")
MOVING = ("lopend", "afgerond")
DONE = ("afgerond", "gestopt")

Number = Callable[[Indicator, float], str]
Day = Callable[[date], str]
Money = Callable[[int], str]


def _plain_number(ind: Indicator, value: float) -> str:
    return f"{value:g}"


# --- the term ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TermState:
    start: date
    end: date
    state: str  # "nog niet begonnen", "loopt", "afgelopen"
    as_of: date  # the day every verdict is judged on

    @property
    def ended(self) -> bool:
        return self.state == "afgelopen"


def term_state(agenda: Agenda, today: date) -> TermState:
    """Where the agenda's term stands on ``today``; an ended term is judged as of its last day."""
    term = agenda.info.periode
    start, end = date(term.van, 8, 1), date(term.tot, 7, 31)
    if today < start:
        return TermState(start, end, "nog niet begonnen", today)
    if today > end:
        return TermState(start, end, "afgelopen", end)
    return TermState(start, end, "loopt", today)


def all_actions(agenda: Agenda) -> list[Action]:
    return [a for plan in agenda.jaarplannen for _, a in plan.actions()] + [a for g in agenda.ambities for a in g.activiteiten]


def goals_with_work(agenda: Agenda) -> list[Ambition]:
    """The goals with actions or activities in them or in a goal below them: the ones with progress to follow."""
    own = {ap.ambitie for plan in agenda.jaarplannen for ap in plan.ambities if ap.acties}
    own |= {g.id for g in agenda.ambities if g.activiteiten}
    out = []
    for goal in agenda.ambities:
        below, todo, seen = False, [goal], 0
        while todo and not below and seen <= len(agenda.ambities):  # bounded: the load step refuses cycles
            current = todo.pop()
            seen += 1
            below = current.id in own
            todo += agenda.children(current)
        if below:
            out.append(goal)
    return out


def term_sentence(agenda: Agenda, today: date) -> str | None:
    """The term in words once it has ended or before it begins; None while it runs."""
    term = term_state(agenda, today)
    years = agenda.info.periode
    if term.state == "nog niet begonnen":
        return f"Deze agenda begint in {years.van}. U leest hier wat de partners van plan zijn."
    if not term.ended:
        return None
    text = f"Deze agenda liep van {years.van} tot en met {years.tot} en is afgelopen. U leest hier wat er is afgesproken"
    in_plans = [a for plan in agenda.jaarplannen for _, a in plan.actions()]
    activities = [a for g in agenda.ambities for a in g.activiteiten]
    actions = in_plans + activities
    if not actions:
        return text + "."
    done = sum(1 for a in actions if a.resultaat or written_status(a) == "afgerond")
    of = work_words(len(in_plans), len(activities))
    if not done:
        return text + f"; van geen van de {of} is een resultaat gemeld."
    return text + f", en van {done} van de {of} wat ze opleverden."


def work_words(actions: int, activities: int) -> str:
    """'3 acties', '2 activiteiten' or '3 acties en 2 activiteiten': each level of work by its own word."""
    parts = [_count(n, one, many) for n, one, many in ((actions, "actie", "acties"), (activities, "activiteit", "activiteiten")) if n]
    return " en ".join(parts) or "0 acties"


def goal_words(agenda: Agenda, goals: Iterable[Ambition]) -> str:
    """'3 ambities en 10 actielijnen': goals counted per level, each with the agenda's word for it."""
    counts: dict[int, int] = {}
    for goal in goals:
        level = agenda.level(goal)
        counts[level] = counts.get(level, 0) + 1
    parts = [_count(n, agenda.naming(level).enkelvoud, agenda.naming(level).meervoud) for level, n in sorted(counts.items())]
    return ", ".join(parts[:-1]) + " en " + parts[-1] if len(parts) > 1 else (parts[0] if parts else "")


# --- an action's status ----------------------------------------------------------------------


@dataclass(frozen=True)
class ActionState:
    status: str | None  # as the data writes it; None: never reported
    stale_since: date | None = None  # the planned period ended then, and no progress note came after
    last_update: date | None = None  # the latest progress note
    moved_to: str | None = None  # a later school year's plan holds it (same id): carried over, not neglected
    not_begun: bool = False  # nothing written, and the school year of its plan has not begun

    @property
    def word(self) -> str:
        """The status as the reader sees it: the written status, 'nog niet begonnen' for an action of a plan
        whose school year has not begun (not a failure to report), or 'niet gemeld'."""
        return self.status or (NOT_BEGUN if self.not_begun else NOT_REPORTED)

    @property
    def current(self) -> bool:
        """Whether the status is evidence: written and not outdated by the planning."""
        return self.status is not None and self.stale_since is None

    def note(self, day: Day) -> str:
        """Why the written status may be out of date: 'niet bijgewerkt sinds 1 juli 2026', or ''.
        Nothing for an unreported action: 'niet gemeld' already says it all."""
        if self.moved_to is not None:
            return f"doorgeschoven naar {self.moved_to}"
        if self.stale_since is None or self.status is None:
            return ""
        return f"{NOT_UPDATED} sinds {day(self.last_update or self.stale_since)}"


def written_status(action: Action) -> str | None:
    """The action's status as written: its own, else that of its latest note with a status."""
    if action.status is not None:
        return action.status
    noted = [n for n in action.voortgang if n.status]
    return max(noted, key=lambda n: n.datum).status if noted else None


_CARRIED: list[tuple[Agenda, dict[tuple[str, str], str]]] = []  # the last agenda's map: every page asks


def carried_to(agenda: Agenda, school_year: str, action_id: str) -> str | None:
    """The first later school year whose plan holds this action again (same id, or ``doorgeschoven_van``)."""
    if not _CARRIED or _CARRIED[0][0] is not agenda:
        later: dict[tuple[str, str], str] = {}
        seen: dict[str, list[str]] = {}  # id -> the school years whose plans hold it, in order
        for plan in agenda.year_plans_sorted():
            for _, a in plan.actions():
                if a.doorgeschoven_van:
                    later.setdefault((a.doorgeschoven_van, a.id), plan.schooljaar)
                for year in seen.get(a.id, []):
                    later.setdefault((year, a.id), plan.schooljaar)
                seen.setdefault(a.id, []).append(plan.schooljaar)
        _CARRIED[:] = [(agenda, later)]
    return _CARRIED[0][1].get((school_year, action_id))


def action_state(action: Action, as_of: date, *, agenda: Agenda | None = None, school_year: str | None = None) -> ActionState:
    """With the agenda and the school year of the action's plan: whether it was carried over to a later plan
    (then not 'niet bijgewerkt' but 'doorgeschoven naar ...') and whether that school year has begun."""
    status = written_status(action)
    last = action.last_note()
    last_day = last.datum if last else None
    stale = None
    # Carried over: said of a school year that has ended (in a running year the action simply runs on).
    ended = school_year is not None and school_year_bounds(school_year)[1] < as_of
    moved = carried_to(agenda, school_year, action.id) if agenda is not None and school_year and ended and status not in DONE else None
    planning = action.planning
    if moved is None and status not in DONE and planning is not None and planning.first is not None:
        end = (planning.last or planning.first).end
        if end < as_of and (last_day is None or last_day <= end):
            stale = end
    not_begun = status is None and school_year is not None and school_year_bounds(school_year)[0] > as_of
    return ActionState(status, stale, last_day, moved, not_begun)


# --- a goal's course -------------------------------------------------------------------------


@dataclass(frozen=True)
class Course:
    state: str  # one of COURSE_STATES
    reasons: tuple[str, ...] = ()
    overridden: bool = False
    as_of: date | None = None  # set when the term has ended: judged as of its last day

    @property
    def label(self) -> str:
        return COURSE_LABELS[self.state]

    @property
    def known(self) -> bool:
        return self.state != "onbekend"


def goal_actions(agenda: Agenda, goal: Ambition, school_year: str | None) -> list[Action]:
    plan = agenda.year_plan(school_year) if school_year else None
    actions = [a for p in (plan.ambities if plan else []) if p.ambitie == goal.id for a in p.acties]
    return actions + list(goal.activiteiten)


def _day(m: Measurement) -> date:
    assert m.periode is not None
    return m.periode.end


def target_sentence(ind: Indicator, number: Number = _plain_number) -> str | None:
    """The indicator's target with its date, in numbers and/or words: '90% in 2028', 'Geen kind thuis
    (uiterlijk 2021)', '90% in 2028. Alle peuters bereikt'; None without a target. A date is never dropped."""
    t = ind.doel
    if t is None:
        return None
    words = " ".join(t.omschrijving.split()) if t.omschrijving else ""
    if t.waarde is not None:  # 'in 2028', 'in oktober 2028', 'medio 2028': the period as the data gives it
        head = number(ind, t.waarde) + (f" {t.uiterlijk.at}" if t.uiterlijk else "")
        return head + (f". {_sentence_start(words)}" if words else "")
    return words + (f" (uiterlijk {t.uiterlijk.words})" if t.uiterlijk else "")


def _sentence_start(text: str) -> str:
    """``text`` as the start of a sentence: 'een verdubbeling' after a full stop is 'Een verdubbeling';
    a word written with a capital inside ('iPad') or an elision ("'s-Hertogenbosch") stays as written."""
    first = text.split(" ", 1)[0]
    if not text[:1].islower() or any(c.isupper() for c in first[1:]):
        return text
    if text.startswith("één"):  # the Taalunie's preferred capital: Eén
        return "E" + text[1:]
    return text[0].upper() + text[1:]


def figure_signal(ind: Indicator, number: Number = _plain_number, as_of: date | None = None) -> tuple[int, str] | None:
    """(0 ok, 1 let op, 2 achter) with the reason, for an indicator with a direction, a numeric target
    and a measurement taken by ``as_of`` (when given); None when the figure says nothing."""
    if ind.beter is None or ind.doel is None or ind.doel.waarde is None:
        return None
    measured = [m for m in ind.series() if m.soort == "gemeten" and (as_of is None or m.periode is None or m.periode.start <= as_of)]
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
                           f"({number(ind, latest.waarde)}, doel {number(ind, target)} {ind.doel.uiterlijk.at})")
    return 0, f"{name}: op weg naar het doel ({number(ind, base.waarde)} → {number(ind, latest.waarde)}, doel {number(ind, target)})"


def _latest_measured(ind: Indicator, as_of: date) -> Measurement | None:
    measured = [m for m in ind.series() if m.soort == "gemeten" and m.periode is not None and m.periode.start <= as_of]
    return measured[-1] if measured else None


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def action_nouns(agenda: Agenda, goal: Ambition) -> tuple[str, str]:
    """'actie'/'acties' for a goal with year plans, 'activiteit'/'activiteiten' for one with activities only."""
    in_plans = any(p.ambitie == goal.id and p.acties for y in agenda.jaarplannen for p in y.ambities)
    if in_plans and goal.activiteiten:
        return "actie of activiteit", "acties en activiteiten"
    return ("actie", "acties") if in_plans or not goal.activiteiten else ("activiteit", "activiteiten")


SHOWN_STUCK = 3  # actions named in a reason; more are counted


def _stuck_words(states: list[ActionState], actions: list[Action]) -> str:
    """Which status and which actions: 'gestopt: 'Techniekweek'', '1 vertraagd en 1 gestopt: ...' (review 27:
    'vertraagd of gestopt' left the reader to guess which, and about what)."""
    counts = Counter(s.status for s in states)
    verb = "is" if len(states) == 1 else "zijn"
    how = (f"{verb} {states[0].status}" if len(counts) == 1
           else f"{verb} vertraagd of gestopt ({', '.join(f'{counts[w]} {w}' for w in STUCK)})")
    names = [f"'{a.titel}'" for a in actions[:SHOWN_STUCK]]
    more = f" en {len(actions) - SHOWN_STUCK} meer" if len(actions) > SHOWN_STUCK else ""
    return f"{how}: {', '.join(names)}{more}"


def goal_course(agenda: Agenda, goal: Ambition, school_year: str | None, today: date,
                number: Number = _plain_number) -> Course:
    """The goal's course with its reasons, judged on ``today`` (or the term's last day once it ended)."""
    term = term_state(agenda, today)
    as_of = term.as_of
    ended = term.as_of if term.ended else None
    if goal.koers is not None:
        return Course(goal.koers.stand, (goal.koers.reden,) if goal.koers.reden else (), overridden=True, as_of=ended)
    one, many = action_nouns(agenda, goal)
    signals: list[tuple[int, str]] = []
    missing: list[str] = []
    actions = goal_actions(agenda, goal, school_year)
    in_plan = len(actions) - len(goal.activiteiten)  # goal_actions: the plan's actions first, then the activities
    states = [action_state(a, as_of, agenda=agenda, school_year=school_year if n < in_plan else None) for n, a in enumerate(actions)]
    current = [s for s in states if s.current]
    stuck = [s for s in current if s.status in STUCK]
    moving = [s for s in current if s.status in MOVING]
    if stuck:
        level = 2 if len(stuck) * 2 >= len(current) else 1
        stuck_actions = [a for a, s in zip(actions, states) if s.current and s.status in STUCK]
        signals.append((level, f"{len(stuck)} van de {_count(len(current), one + ' met een gemelde status', many + ' met een gemelde status')} "
                               f"{_stuck_words(stuck, stuck_actions)}"))
    elif moving:
        signals.append((0, f"{len(moving)} van de {_count(len(actions), one, many)} lopend of afgerond, geen vertraagd of gestopt"))
    elif current:
        missing.append(f"de {_count(len(current), one, many)} met een gemelde status {'is' if len(current) == 1 else 'zijn'} nog niet begonnen")
    unreported = sum(1 for s in states if s.status is None and not s.not_begun)
    waiting = sum(1 for s in states if s.not_begun)
    if waiting:
        missing.append(f"{_count(waiting, one, many)} van een schooljaar dat nog niet begonnen is")
    outdated = sum(1 for s in states if s.status is not None and s.stale_since is not None)
    if unreported:
        missing.append(f"van {unreported} van de {_count(len(actions), one, many)} is geen status gemeld")
    if outdated:
        missing.append(f"{_count(outdated, one, many)} niet bijgewerkt sinds de planning afliep")
    for ind in goal.indicatoren:
        latest = _latest_measured(ind, as_of)
        if latest is not None and latest.periode is not None and latest.periode.end < as_of - FRESH:
            missing.append(f"{ind.titel}: alleen de nulmeting ({latest.periode}), geen latere meting" if latest is ind.nulmeting else
                           f"{ind.titel}: de laatste meting ({latest.periode}) is te oud om iets over de stand {'aan het eind' if ended else 'nu'} te zeggen")
            continue
        signal = figure_signal(ind, number, as_of)
        if signal is not None:
            signals.append(signal)
    if ended is not None:
        results = sum(1 for a in actions if a.resultaat or written_status(a) == "afgerond")
        missing.append(f"de looptijd is voorbij; van {results or 'geen'} van de {_count(len(actions), one, many)} is een resultaat gemeld"
                       if actions else "de looptijd is voorbij")
    if not signals:
        if not actions and not goal.indicatoren:
            missing.insert(0, f"er zijn geen {many} en geen cijfers om de stand aan af te lezen")
        elif not missing:
            missing.append(f"er is geen status van {many} en geen recente meting om de stand aan af te lezen")
        return Course("onbekend", tuple(missing), as_of=ended)
    worst = max(level for level, _ in signals)
    reasons = [reason for level, reason in signals if level == worst] if worst else [r for _, r in signals]
    return Course(COURSE_STATES[worst], tuple(reasons + missing), as_of=ended)


# --- money -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spent:
    """One item that reported spending: an action, or a goal's budget as a whole."""

    title: str
    planned: int  # its total costs
    spent: int
    reported: date | None

    @property
    def over(self) -> int:
        return self.spent - self.planned


@dataclass(frozen=True)
class Spending:
    planned: int  # total costs of all items
    items: int  # items with a known amount
    reports: tuple[Spent, ...] = ()  # the items that reported spending
    whole: tuple[int, date | None] | None = None  # a total reported for the whole (a year's besteed)
    noun: tuple[str, str] = ("actie", "acties")

    @property
    def spent(self) -> int | None:
        if self.whole is not None:
            return self.whole[0]
        return sum(r.spent for r in self.reports) if self.reports else None

    @property
    def planned_reported(self) -> int:
        """What was planned for the items that reported: the base spent is compared with."""
        return self.planned if self.whole is not None else sum(r.planned for r in self.reports)

    @property
    def reported(self) -> date | None:
        if self.whole is not None:
            return self.whole[1]
        days = [r.reported for r in self.reports if r.reported]
        return max(days) if days else None

    @property
    def share(self) -> float | None:
        spent = self.spent
        return spent / self.planned_reported if spent is not None and self.planned_reported else None

    @property
    def complete(self) -> bool:
        """Whether every item (or the whole) reported."""
        return self.whole is not None or (bool(self.reports) and len(self.reports) == self.items)

    @property
    def over(self) -> tuple[Spent, ...]:
        return tuple(r for r in self.reports if r.spent > r.planned)

    @property
    def overspent(self) -> bool:
        spent = self.spent
        return bool(self.over) or (spent is not None and spent > self.planned_reported)


def _reported(title: str, budget: Budget | None) -> Spent | None:
    if budget is None or budget.besteed is None:
        return None
    return Spent(title, budget.cost, budget.besteed, budget.besteed_op)


def _known(budget: Budget | None) -> bool:
    return budget is not None and budget.soort == "bedrag" and budget.kosten is not None


def _plan_items(amb_plan: AmbitionPlan, goal_title: str) -> tuple[int, list[Spent]]:
    """(items with an amount, their reports) of one goal's plan: its actions, or its budget as a whole."""
    reports = [r for a in amb_plan.acties if (r := _reported(a.titel, a.begroting))]
    items = sum(1 for a in amb_plan.acties if _known(a.begroting))
    if not items and _known(amb_plan.begroting):
        items = 1
    whole = _reported(goal_title, amb_plan.begroting)
    if whole and not reports:
        reports = [whole]
    return items, reports


def goal_spending(amb_plan: AmbitionPlan, goal_title: str = "") -> Spending:
    planned, _, _ = ambition_plan_totals(amb_plan)
    items, reports = _plan_items(amb_plan, goal_title or amb_plan.ambitie)
    return Spending(planned, items, tuple(reports))


def year_spending(plan: YearPlan, agenda: Agenda | None = None) -> Spending:
    """A year's spending: its own reported total when given (against all its costs), else its items' reports."""
    planned, _, _ = year_totals(plan)
    items, reports = 0, []
    for amb_plan in plan.ambities:
        goal = agenda.ambition(amb_plan.ambitie) if agenda else None
        n, r = _plan_items(amb_plan, goal.titel if goal else amb_plan.ambitie)
        items, reports = items + n, reports + r
    whole = (plan.budget.besteed, plan.budget.besteed_op) if plan.budget is not None and plan.budget.besteed is not None else None
    return Spending(planned, items, tuple(reports), whole)


def any_spending(agenda: Agenda) -> bool:
    return any(year_spending(plan).spent is not None for plan in agenda.jaarplannen)


def spending_sentences(s: Spending, money: Money, day: Day) -> list[str]:
    """Spent against planned as reported, in sentences; [] when nothing is reported.

    'Besteed: € 15.300 aan 2 van de 14 acties met een bedrag, gemeld tot 1 juli 2026; voor die 2 was € 23.000 aan totale kosten
    begroot: € 7.700 minder dan begroot. Van de andere 12 acties is nog niets gemeld.' Then one sentence per item
    spent over plan (README, 'Hoe de site oordeelt', quotes these)."""
    spent = s.spent
    if spent is None:
        return []
    one, many = s.noun
    base = s.planned_reported
    if spent > base:
        compared = f"{money(spent - base)} meer dan begroot"
    elif spent < base:
        compared = f"{money(base - spent)} minder dan begroot"
    else:
        compared = "precies wat begroot was"
    if s.whole is not None:
        text = f"Besteed: {money(spent)} van de {money(s.planned)} aan totale kosten begroot"
        if s.share is not None:
            text += f" ({round(s.share * 100)}%)"
        text += (f", gemeld op {day(s.reported)}" if s.reported else "") + f": {compared}."
    else:
        n, rest = len(s.reports), s.items - len(s.reports)
        until = f", gemeld tot {day(s.reported)}" if s.reported else ""
        if s.complete:
            which = f"de enige {one}" if n == 1 else f"alle {n} {many}"
            text = f"Besteed: {money(spent)} aan {which}{until}, van de {money(base)} aan totale kosten begroot: {compared}."
        else:
            those = "daarvoor" if n == 1 else f"voor die {n}"
            text = (f"Besteed: {money(spent)} aan {n} van de {_count(s.items, one, many)} met een bedrag{until}; {those} was {money(base)} "
                    f"aan totale kosten begroot: {compared}. "
                    + (f"Van de andere {one} is nog niets gemeld." if rest == 1 else f"Van de andere {rest} {many} is nog niets gemeld."))
    out = [text]
    for r in s.over:
        if s.whole is None and len(s.reports) == 1:
            break  # the sentence above already says it
        out.append(f"{r.title}: {money(r.spent)} besteed, {money(r.planned)} begroot: {money(r.over)} meer dan begroot.")
    return out


def spending_heading(s: Spending) -> str | None:
    """The warning's heading over the sentences, true to them; None when nothing was spent over plan.
    Only the whole spent more: 'Meer uitgegeven dan begroot'; else the items that did, by name or count
    (a heading 'meer uitgegeven' stood over '€ 7.700 minder dan begroot' when one action overran)."""
    if not s.overspent:
        return None
    spent = s.spent
    if spent is not None and spent > s.planned_reported:
        return "Meer uitgegeven dan begroot"
    over = s.over
    if len(over) == 1:
        return f"{over[0].title}: meer uitgegeven dan begroot"
    return f"Bij {len(over)} {s.noun[1]} meer uitgegeven dan begroot"


def spending_sentence(s: Spending, money: Money, day: Day) -> str | None:
    """The sentences of :func:`spending_sentences` as one text, or None."""
    sentences = spending_sentences(s, money, day)
    return " ".join(sentences) if sentences else None


# --- room in a year's budget -----------------------------------------------------------------


@dataclass(frozen=True)
class Room:
    available: int | None
    charged: int  # the plans' part charged to the LEA budget

    @property
    def left(self) -> int | None:
        return None if self.available is None else self.available - self.charged

    @property
    def over(self) -> bool:
        return self.left is not None and self.left < 0


def room(plan: YearPlan) -> Room:
    _, _, charged = year_totals(plan)
    return Room(plan.budget.beschikbaar if plan.budget else None, charged)


def room_sentence(plan: YearPlan, money: Money) -> str:
    """Overspending or room left, in words."""
    r = room(plan)
    if r.available is None:
        return "Voor dit schooljaar is geen beschikbaar LEA-budget opgegeven."
    if r.over:
        return (f"Let op: de plannen vragen {money(r.charged)} van het LEA-budget, maar er is {money(r.available)} beschikbaar. "
                f"Dat is {money(-r.left)} te veel.")  # type: ignore[operator]
    if r.left == 0:
        return f"De plannen gebruiken het beschikbare LEA-budget van {money(r.available)} precies."
    return f"De plannen gebruiken {money(r.charged)} van de {money(r.available)} beschikbaar. Er is nog {money(r.left)} over."  # type: ignore[arg-type]


# --- what changed since ----------------------------------------------------------------------


@dataclass(frozen=True)
class Unchanged:
    """Whether 'nothing changed since' may be said: only for a period the history covers."""

    covered: bool
    first: date | None  # the first day the history knows of


def unchanged_since(since: date, history_days: Iterable[date]) -> Unchanged:
    days = sorted(history_days)
    return Unchanged(bool(days) and days[0] <= since, days[0] if days else None)


__all__ = [
    "ActionState", "NOT_BEGUN", "action_nouns", "carried_to", "all_actions", "term_sentence", "COURSE_LABELS", "COURSE_STATES", "Course", "NOT_REPORTED", "Room", "Spending", "Spent", "TermState",
    "Unchanged", "action_state", "any_spending", "figure_signal", "goal_actions", "goal_course", "goal_spending", "room",
    "room_sentence", "spending_heading", "spending_sentence", "spending_sentences", "term_state", "unchanged_since", "written_status", "year_spending",
]


# --- progress per dimension (issue 29 item 11) ------------------------------------------------


@dataclass(frozen=True)
class DimensionState:
    """An action's latest written state on one dimension (kwaliteit, geld, tijd), from its progress notes."""

    dimension: str  # as the agenda writes it
    state: str  # op koers, let op or achter: as written, never judged here
    note: str | None
    day: date  # the date of the progress note that said so


def dimension_states(action: Action, as_of: date) -> list[DimensionState]:
    """Per dimension, the newest state written in a progress note up to ``as_of``; in the order the
    dimensions first appear. A dimension never reported is not listed (the site says 'niet gemeld' for
    none at all only where an agenda reports dimensions)."""
    latest: dict[str, DimensionState] = {}
    order: list[str] = []
    for note in sorted(action.voortgang, key=lambda n: n.datum):
        if note.datum > as_of:
            continue
        for report in note.dimensies:
            key = report.dimensie.casefold()
            if key not in latest:
                order.append(key)
            latest[key] = DimensionState(report.dimensie, report.stand, report.toelichting, note.datum)
    return [latest[k] for k in order]
