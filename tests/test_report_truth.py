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


# --- #3: a 'Besteed' total reads as the sum of its rows only when it is ----------------------------


def _money(text: str) -> int | None:
    import re

    found = re.match(r"€\s*([\d.]+)", text.replace("\xa0", " "))
    return int(found.group(1).replace(".", "")) if found else None


@pytest.mark.parametrize("name", list(SITES))
def test_a_spent_total_is_the_sum_of_its_rows_or_says_what_it_is(name):
    """Under rows of 'Besteed' per goal, a total that is not their sum (a total reported for the whole year)
    says so; a row without its own report beside such a total is 'niet apart gemeld', not 'niet gemeld'."""
    from bs4 import BeautifulSoup

    from lea_site.render.html import no_edit
    from lea_site.render.tables import year_budget
    from lea_site.verdicts import year_spending

    agenda, _ = _agenda(name)
    checked = 0
    for plan in agenda.jaarplannen:
        soup = BeautifulSoup(year_budget(agenda, plan, lambda t: t), "html.parser")
        table = soup.find("table")
        head = [th.get_text(" ", strip=True) for th in table.find("thead").find_all("th")]
        if "Besteed" not in head:
            continue
        col = head.index("Besteed")
        def text(cell) -> str:  # without the label a stacked table shows in each cell on a phone
            return cell.get_text(" ", strip=True).removeprefix("Besteed").strip()

        rows = [[text(c) for c in tr.find_all(["td", "th"])] for tr in table.find("tbody").find_all("tr")]
        total = [text(c) for c in table.find("tfoot").find_all("tr")[0].find_all(["td", "th"])][col]
        parts = [_money(r[col]) for r in rows]
        whole = year_spending(plan, agenda).whole is not None
        checked += 1
        if sum(p or 0 for p in parts) != _money(total):
            assert "niet de som van de rijen" in total, (plan.schooljaar, total, [r[col] for r in rows])
        if whole:
            assert "gemeld voor het hele jaar" in total, total
            assert all(p is not None or "niet apart gemeld" in r[col] for p, r in zip(parts, rows)), [r[col] for r in rows]
    if name == "demo":
        assert checked >= 1


def test_the_year_overview_names_the_base_of_over_and_of_spent():
    """'Over' is measured on the LEA budget, 'Besteed' on the total costs: side by side each header names its base."""
    from bs4 import BeautifulSoup

    from lea_site.render.html import no_edit
    from lea_site.render.pages import View, budget_overview

    agenda, today = _agenda("demo")
    soup = BeautifulSoup(budget_overview(View(agenda, today, lambda t: t, no_edit)), "html.parser")
    head = [th.get_text(" ", strip=True) for th in soup.find("table").find("thead").find_all("th")]
    assert any(h.startswith("Over") and "LEA-budget" in h for h in head), head
    assert any(h.startswith("Besteed") and "kosten" in h for h in head), head


# --- #8: every link of the documents page leads to a file, on both engines ---------------------------


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_every_internal_link_of_the_documents_page_resolves_to_a_file(tmp_path, engine, monkeypatch):
    """'De agenda als webpagina' was href="" (a link to index.md made empty): it only reloaded the page."""
    monkeypatch.setenv("LEA_PDF", "ja")  # the row of the agenda's PDF holds the link to the web page
    from bs4 import BeautifulSoup

    from .sitebuild import lea, site_folder
    from .sitecompare import broken_links

    if engine == "zensical":
        pytest.importorskip("zensical", reason="pip install -e '.[zensical]'")
    folder = site_folder(tmp_path, DATA)
    run = lea("build", "--engine", engine, "-d", "uit", cwd=folder, today=DEMO_TODAY)
    assert run.returncode == 0, run.stderr[-3000:]
    site = folder / "uit"
    page = site / "documenten" / "index.html"
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")
    hrefs = [a["href"] for a in article.find_all("a", href=True) if "://" not in a["href"] and not a["href"].startswith("mailto:")]
    assert len(hrefs) >= 5, hrefs
    web = next((a for a in article.find_all("a") if a.get_text(strip=True) == "De agenda als webpagina"), None)
    import posixpath

    assert web is not None and web["href"].strip() and posixpath.normpath(posixpath.join("documenten", web["href"])) == ".", web
    assert not [b for b in broken_links(site) if b.startswith("documenten/")]
    assert not [b for b in broken_links(site) if "empty href" in b]


# --- #11 and #20: carried over is not neglected; a plan that has not begun is not a failure to report ---


def _rows_of(html: str) -> list[str]:
    from bs4 import BeautifulSoup

    return [" ".join(tr.get_text(" ", strip=True).split()) for tr in BeautifulSoup(html, "html.parser").select("tbody tr")]


def test_an_action_carried_to_a_later_plan_says_so_in_the_past_years_tables_and_report():
    """The demo's 2025-2026 'Voorleesproject' and 'Dagarrangement' went on in 2026-2027 (doorgeschoven_van):
    the past year said 'niet bijgewerkt sinds ...' as if the partners had let them lie."""
    from lea_site.render.html import no_edit
    from lea_site.render.pages import View, _results_table
    from lea_site.render.tables import actions_table
    from lea_site.verdicts import carried_to, goal_course

    agenda, today = _agenda("demo")
    view = View(agenda, today, lambda t: t, no_edit)
    plan = agenda.year_plan("2025-2026")
    moved = {a.id: carried_to(agenda, "2025-2026", a.id) for _, a in plan.actions()}
    moved = {k: v for k, v in moved.items() if v}
    assert set(moved) >= {"ouders-thuis"} and len(moved) >= 2, moved
    for amb_plan in plan.ambities:
        table_rows = _rows_of(actions_table(agenda, amb_plan, "2025-2026", lambda t: t, caption="x", as_of=view.as_of))
        result_rows = _rows_of(_results_table(view, amb_plan, "2025-2026"))
        for action, row, result in zip(amb_plan.acties, table_rows, result_rows):
            if action.id in moved and action.status not in ("afgerond", "gestopt"):
                for text in (row, result):
                    assert f"doorgeschoven naar {moved[action.id]}" in text and "niet bijgewerkt" not in text, text
        goal = agenda.ambition(amb_plan.ambitie)
        reasons = " ".join(goal_course(agenda, goal, "2025-2026", today).reasons)
        if any(a.id in moved for a in amb_plan.acties):
            assert "niet bijgewerkt" not in reasons, reasons
    report = pdf.documents(agenda, today)["downloads/voortgang-2025-2026.pdf"]
    rows = _status_rows(report, agenda)
    for (_, action), row in zip(plan.actions(), rows):
        carried = action.id in moved and action.status not in ("afgerond", "gestopt")
        assert ("doorgeschoven naar" in row) == carried and (not carried or f"doorgeschoven naar {moved[action.id]}" in row), row


def test_an_action_of_a_plan_whose_school_year_has_not_begun_is_not_begun_not_unreported():
    """The demo's 2027-2028 plan (a draft) showed every action as '? niet gemeld', a failure to report."""
    from lea_site.render.tables import actions_table
    from lea_site.verdicts import NOT_BEGUN, action_state

    agenda, today = _agenda("demo")
    plan = agenda.year_plan("2027-2028")
    assert plan is not None and pdf.school_year_bounds("2027-2028")[0] > today
    unreported = [a for _, a in plan.actions() if a.status is None and not a.voortgang]
    assert unreported
    for amb_plan in plan.ambities:
        for action, row in zip(amb_plan.acties, _rows_of(actions_table(agenda, amb_plan, "2027-2028", lambda t: t, caption="x", as_of=today))):
            if action in unreported:
                assert NOT_BEGUN in row and "niet gemeld" not in row, row
    # the agenda's PDF shows a year plan as planned (review 16: the state is in its chapter 'Stand op'): a draft
    # plan's actions carry no status at all, so never 'niet gemeld'
    document = pdf.documents(agenda, today)[pdf.AGENDA]
    year, facts = None, []
    titles = {pdf.pb.finish(a.titel) for a in unreported}
    for b in document["body"]:
        if b.get("id", "").startswith("jaar-"):
            year = b["id"][len("jaar-"):]
        if "action" in b and year == "2027-2028" and b["action"]["title"] in titles:
            facts.append(_text(b["action"]["facts"]))
    assert facts and all("Status" not in f and "niet gemeld" not in f for f in facts), facts[:3]
    # a plan that has begun still says 'niet gemeld' of an action nothing was written of
    begun = agenda.year_plan("2026-2027")
    assert all(action_state(a, today, agenda=agenda, school_year="2026-2027").word != NOT_BEGUN for _, a in begun.actions())


# --- #13: a running year's report names no period end that lies ahead -----------------------------


@pytest.mark.parametrize("name", list(SITES))
def test_a_running_years_changes_end_at_the_last_reported_day_not_in_the_future(name):
    import re

    from lea_site.render import format as fmt

    agenda, today = _agenda(name)
    for rel, document in pdf.documents(agenda, today).items():
        if not rel.startswith("downloads/voortgang-") or rel == pdf.REPORT:
            continue
        year = rel[len("downloads/voortgang-"):-4]
        start, end = pdf.school_year_bounds(year)
        body = document["body"]
        at = next(i for i, b in enumerate(body) if b.get("id") == "veranderd")
        sentence = _text(body[at + 1])
        if end < today:
            assert sentence == f"Van {fmt.day(start)} tot en met {fmt.day(end)}.", sentence
        else:
            assert fmt.day(end) not in sentence, sentence
            until = pdf._reported_until(pdf._pairs(agenda, agenda.year_plan(year)), agenda.year_plan(year), start, end, today)
            assert (fmt.day(until) in sentence) if until else "nog niets gemeld" in sentence, sentence


# --- #22/#23: the running header says the title once; a body's 'wie' and 'hoe' are two sentences ------


@pytest.mark.parametrize("name", list(SITES))
def test_the_running_header_names_the_kind_once(name):
    agenda, today = _agenda(name)
    for rel, document in pdf.documents(agenda, today).items():
        running = document["running"].casefold()
        assert running.count("lokale educatieve agenda") <= 1 and running.count("voortgangsrapportage") <= 1, document["running"]
        assert agenda.info.titel.casefold() in running


def test_a_bodys_who_and_how_are_separate_sentences_in_the_pdf():
    """'... kinderen tot 18 jaar Drie avonden per jaar ...': the two fields ran into one sentence."""
    import re

    agenda, today = _agenda("demo")
    document = pdf.documents(agenda, today)[pdf.AGENDA]
    joins = [b for b in agenda.organen if b.aanmelden is not None and b.aanmelden.wie and b.aanmelden.hoe]
    assert joins
    facts = [b["facts"] for b in document["body"] if "facts" in b]
    rows = [_text(value) for block in facts for label, value in block if label == "Meedoen"]
    assert len(rows) >= len(joins)
    for row in rows:
        assert not re.search(r"[a-z0-9] [A-Z]", row.split(" · ")[0]), row  # a capital after a word: a sentence without its full stop


# --- #27: no lone 'Ambitie 1.' under a goal's title ----------------------------------------------------


@pytest.mark.parametrize("name", list(SITES))
def test_a_goals_place_line_is_a_sentence_not_a_lone_number(name):
    import re

    from bs4 import BeautifulSoup

    from lea_site.render import words
    from lea_site.render.html import no_edit
    from lea_site.render.pages import View, _goal_facts

    agenda, today = _agenda(name)
    view = View(agenda, today, lambda t: t, no_edit)
    document = pdf.documents(agenda, today)[pdf.AGENDA]
    pdf_lines = [_text(b["p"]) for b in document["body"] if "p" in b and b["p"] and isinstance(b["p"][0], dict) and b["p"][0].get("m")]
    for amb in agenda.ambities:
        html = BeautifulSoup(_goal_facts(view, amb), "html.parser")
        first = html.find("p", class_="lea-muted")
        line = first.get_text(" ", strip=True) if first else ""
        lone = re.compile(rf"^{re.escape(words.goal_name(agenda, amb))}\.$")
        assert not lone.match(line), line
        assert not any(lone.match(x.strip()) for x in pdf_lines), amb.titel
        if amb.nummer is not None and not words.parents(agenda, amb):
            assert line.startswith("Dit is "), line


def test_a_running_years_action_that_goes_on_next_year_is_not_called_carried_over():
    from lea_site.verdicts import action_state, carried_to

    agenda, today = _agenda("demo")
    running = [a for _, a in agenda.year_plan("2026-2027").actions() if carried_to(agenda, "2026-2027", a.id)]
    assert running  # the demo's 2027-2028 draft takes over actions of 2026-2027
    assert all(action_state(a, today, agenda=agenda, school_year="2026-2027").moved_to is None for a in running)
