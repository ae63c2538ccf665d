"""What the progress reports and the year pages say is true to the data (reader review 7).

The documents are checked as composed (the data the Typst template reads), without typesetting:
each action's result and evaluation are printed, a warning heading says what the sentence under it
says, a running year's period does not end in the future, a carried-over action is not 'not updated'.
"""

from __future__ import annotations

from datetime import date

import pytest

from lea_site.exports import pdf
from lea_site.load import load

from .conftest import DATA, DEMO_TODAY, FIXTURE_TODAY, FIXTURES
from .test_pdf import unexplained

SITES = {"demo": (DATA, DEMO_TODAY)} | {p.name: (p, FIXTURE_TODAY) for p in sorted(FIXTURES.glob("*")) if p.is_dir()}


def _agenda(name: str):
    data, today = SITES[name]
    result = load(data, today)
    assert not result.errors, result.errors[:3]
    return result.agenda, today


def _text(value) -> str:
    """Every string of a composed block, inline or cell, joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(_text(v) for k, v in value.items() if k not in ("st", "id", "href", "style", "h"))
    if isinstance(value, list):
        return " ".join(_text(v) for v in value)
    return ""


def _status_rows(document: dict, agenda) -> list[str]:
    """The text of each row of the tables 'Status per actie', in order, the glossary's explanations taken out."""
    out = []
    for block in document["body"]:
        table = block.get("table")
        if table and table["caption"].startswith(("Acties voor", "Activiteits voor", "Activiteiten voor")):
            out += [" ".join(unexplained(_text(row), agenda).split()) for row in table["rows"]]
    return out


def _plain(markdown: str) -> str:
    return " ".join(markdown.replace("*", "").replace("_", "").split())


@pytest.mark.parametrize("name", list(SITES))
def test_a_report_prints_what_each_action_delivered_and_what_its_evaluation_found(name):
    agenda, today = _agenda(name)
    reports = {rel: d for rel, d in pdf.documents(agenda, today).items() if rel.startswith("downloads/voortgang-")}
    seen = 0
    for rel, document in reports.items():
        plan = agenda.year_plan(rel[len("downloads/voortgang-"):-4])
        rows = _status_rows(document, agenda)
        actions = [a for _, a in plan.actions()]
        assert len(rows) == len(actions), rel
        for row, action in zip(rows, actions):
            assert row.startswith(" ".join(pdf.pb.finish(action.titel).split())), (row, action.titel)
            if action.resultaat:
                seen += 1
                assert "Resultaat:" in row and " ".join(pdf.pb.finish(_plain(action.resultaat)).split()) in row, (rel, action.titel, row)
            for e in action.evaluatie:
                if e.uitkomst:
                    seen += 1
                    assert " ".join(pdf.pb.finish(e.uitkomst).split()) in row, (rel, action.titel, row)
            if action.resultaat or action.evaluatie or action.voortgang:
                assert "geen voortgang" not in row, (rel, action.titel, row)
    if name == "demo":
        assert seen >= 8  # the demo's 2025-2026 plan has seven results and an end evaluation


# --- #2: a warning's heading says what the sentences under it say --------------------------------


def _warnings(html: str) -> list[tuple[str, str]]:
    import re

    return re.findall(r'<div class="admonition warning"><p class="admonition-title">(.*?)</p>(.*?)</div>', html, re.S)


@pytest.mark.parametrize("name", list(SITES))
def test_a_spending_warning_heading_is_true_to_the_total_and_the_items(name):
    """'Meer uitgegeven dan begroot' only over a total that is more than planned; when only some items
    overran, the heading names them (or counts them) and the first sentence may say 'minder dan begroot'."""
    from lea_site.render.tables import spending_html
    from lea_site.verdicts import goal_spending, year_spending

    agenda, _ = _agenda(name)
    checked = 0
    for plan in agenda.jaarplannen:
        cases = [year_spending(plan, agenda)] + [goal_spending(p, p.ambitie) for p in plan.ambities]
        for s in cases:
            for heading, body in _warnings(spending_html(s)):
                checked += 1
                import html as h

                heading = h.unescape(heading)
                if s.spent > s.planned_reported:
                    assert heading == "Meer uitgegeven dan begroot", heading
                else:
                    assert "minder dan begroot" in body or "precies wat begroot" in body
                    assert heading != "Meer uitgegeven dan begroot", (plan.schooljaar, heading, body)
                    over = s.over
                    assert over, heading
                    assert (heading.startswith(over[0].title) if len(over) == 1
                            else heading.startswith(f"Bij {len(over)} ")), heading
    if name == "demo":
        assert checked >= 1  # 2026-2027: one action € 900 over, the whole € 7.700 under


def test_spending_heading_for_a_total_over_one_item_over_and_several():
    from lea_site.verdicts import Spending, Spent, spending_heading

    a, b = Spent("Leesclub", 1000, 1500, None), Spent("Taalcafé", 2000, 2100, None)
    under = Spent("Brugklas", 10000, 5000, None)
    assert spending_heading(Spending(13000, 3, (a, under))) == "Leesclub: meer uitgegeven dan begroot"
    assert spending_heading(Spending(13000, 3, (a, b, under))) == "Bij 2 acties meer uitgegeven dan begroot"
    assert spending_heading(Spending(3000, 2, (a, b))) == "Meer uitgegeven dan begroot"
    assert spending_heading(Spending(10000, 1, (under,))) is None
