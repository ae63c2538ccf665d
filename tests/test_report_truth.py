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
