"""Money spent against money planned: the sums, in one place, for every page that shows them.

Planned amounts come from :func:`lea_site.checks.ambition_plan_totals` and
:func:`~lea_site.checks.year_totals`; spent amounts are what the data reports
(``besteed`` with ``besteed_op``). 'Not reported' is None, never 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .checks import ambition_plan_totals, year_totals
from .model import Action, Agenda, AmbitionPlan, Budget, YearPlan


@dataclass(frozen=True)
class Spending:
    planned: int  # total costs planned
    spent: int | None  # None: nothing reported yet
    reported: date | None  # the latest report date

    @property
    def share(self) -> float | None:
        return self.spent / self.planned if self.spent is not None and self.planned else None


def _reports(budgets: list[Budget]) -> tuple[int | None, date | None]:
    reported = [b for b in budgets if b.besteed is not None]
    if not reported:
        return None, None
    return sum(b.besteed or 0 for b in reported), max(b.besteed_op for b in reported if b.besteed_op)


def action_budgets(actions: list[Action]) -> list[Budget]:
    return [a.begroting for a in actions if a.begroting is not None]


def goal_spending(amb_plan: AmbitionPlan) -> Spending:
    planned, _, _ = ambition_plan_totals(amb_plan)
    spent, when = _reports(action_budgets(amb_plan.acties) + ([amb_plan.begroting] if amb_plan.begroting else []))
    return Spending(planned, spent, when)


def year_spending(plan: YearPlan) -> Spending:
    """A year's spending: its own reported total when given, else the sum of its actions' reports."""
    planned, _, _ = year_totals(plan)
    if plan.budget is not None and plan.budget.besteed is not None:
        return Spending(planned, plan.budget.besteed, plan.budget.besteed_op)
    budgets = [b for amb_plan in plan.ambities for b in action_budgets(amb_plan.acties) + ([amb_plan.begroting] if amb_plan.begroting else [])]
    spent, when = _reports(budgets)
    return Spending(planned, spent, when)


def any_spending(agenda: Agenda) -> bool:
    return any(year_spending(plan).spent is not None for plan in agenda.jaarplannen)


def spending_sentence(s: Spending, money, day) -> str | None:
    """'Besteed € 40.000 van de € 50.000 begroot (80%), gemeld op 1 juli 2026: € 10.000 minder dan begroot.'
    ``money`` and ``day`` format amounts and dates (render.format)."""
    if s.spent is None:
        return None
    text = f"Besteed: {money(s.spent)} van de {money(s.planned)} begroot"
    if s.share is not None:
        text += f" ({round(s.share * 100)}%)"
    if s.reported:
        text += f", gemeld op {day(s.reported)}"
    if s.spent > s.planned:
        return text + f". Dat is {money(s.spent - s.planned)} meer dan begroot (overschrijding)."
    if s.spent < s.planned:
        return text + f". Er is {money(s.planned - s.spent)} minder uitgegeven dan begroot."
    return text + ". Precies wat begroot was."
