"""The page Wijzigingen (lea_site.exports.changes) from a real git repository."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest
from bs4 import BeautifulSoup
from pathlib import Path

from lea_site.exports import changes

ROOT = Path(__file__).resolve().parent.parent


def _git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "HOME": str(repo), "PATH": "/usr/bin:/bin"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def _repo_with_a_stop(tmp_path: Path, stopped_on: str) -> Path:
    """The demo committed on 10 January 2026, then a commit on ``stopped_on`` that stops a planned action."""
    repo = tmp_path / "site"
    shutil.copytree(ROOT / "data", repo / "data")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "eerste", date="2026-01-10T12:00:00+01:00")
    plan = next(p for p in sorted((repo / "data" / "jaarplannen").rglob("*.yml")) if "status: gepland" in p.read_text(encoding="utf-8"))
    plan.write_text(plan.read_text(encoding="utf-8").replace("status: gepland", "status: gestopt", 1), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "gestopt", date=stopped_on)
    return repo


def test_history_in_words_newest_first(tmp_path):
    repo = _repo_with_a_stop(tmp_path, "2026-03-05T12:00:00+01:00")
    page = changes.page(changes.history(repo / "data", tmp_path / "cache.json"))
    assert page.index("5 maart 2026") < page.index("10 januari 2026")
    assert "gepland → gestopt" in page and "De agenda is toegevoegd." in page
    assert (tmp_path / "cache.json").is_file()
    assert changes.page(changes.history(repo / "data", tmp_path / "cache.json")) == page  # from the cache, the same


def test_a_fresh_build_folder_reads_no_version_again(tmp_path, monkeypatch):
    """As in CI: build/lea/ is new at each publication, the user's cache folder is kept (actions/cache).
    The comparisons come from there; another data folder has a file of its own."""
    from lea_site.exports import export_files
    from lea_site.load import load

    repo = tmp_path / "site"
    shutil.copytree(ROOT / "data", repo / "data")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "eerste", date="2026-01-10T12:00:00+01:00")
    monkeypatch.setenv("LEA_CACHE", str(tmp_path / "cache"))
    agenda = load(repo / "data").agenda
    read: list[Path] = []
    real = changes._load
    monkeypatch.setattr(changes, "_load", lambda folder: read.append(folder) or real(folder))
    first = export_files(agenda, date(2026, 11, 23), repo / "data", tmp_path / "build-1")
    assert read and changes.cache_file(repo / "data").is_file()
    read.clear()
    again = export_files(agenda, date(2026, 11, 23), repo / "data", tmp_path / "build-2")
    assert not read and again[changes.PAGE] == first[changes.PAGE]
    other = tmp_path / "other" / "data"
    shutil.copytree(repo / "data", other)
    assert changes.cache_file(other) != changes.cache_file(repo / "data")
    monkeypatch.setenv("LEA_CACHE", "")
    assert changes.cache_file(repo / "data") is None  # caching off: beside the build, as before


def test_without_history_the_page_says_so(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    page = changes.page(changes.history(tmp_path / "data", None))
    assert "zonder de geschiedenis" in page and "## " not in page.split("# Wijzigingen", 1)[1]


def test_data_text_cannot_start_jinja_or_markup():
    assert "{" not in changes._safe("- status \\{\\{ 7\\*7 }} {% raw %}") and "&#123;" in changes._safe("{")


@pytest.mark.parametrize("days,today,expected", [
    (["2026-03-05", "2026-01-10"], "2026-11-22", [True, True]),
    (["2099-01-01", "2026-01-10"], "2026-11-22", [False, True]),  # after the build day
    (["2026-03-05", "1971-01-01"], "2026-11-22", [True, False]),  # before git existed
    (["2026-03-05", "2025-12-01", "2026-02-01"], "2026-11-22", [True, False, True]),  # before its parent
    (["2026-03-05", "2026-01-10"], None, [True, True]),
])
def test_a_recorded_date_is_believed_only_when_it_can_be_right(days, today, expected):
    parse = date.fromisoformat
    assert changes.dated([parse(d) for d in days], parse(today) if today else None) == expected


def test_a_change_with_an_impossible_date_is_shown_without_a_date(tmp_path):
    """A commit 'from 2099' (a wrong clock) is on Wijzigingen as 'Datum onbekend', feeds no status change,
    and the professionals' page never claims that nothing changed."""
    from lea_site.load import load
    from lea_site.render.overview import history_html
    from lea_site.render.pages import View

    repo = _repo_with_a_stop(tmp_path, "2099-01-01T12:00:00+01:00")
    today = date(2026, 11, 22)
    found = changes.history(repo / "data", None, today=today)
    assert [c.plausible for c in found.changes] == [False, True] and found.status == []
    page = changes.page(found)
    assert "## Datum onbekend" in page and "1 januari 2099" in page and "## 1 januari 2099" not in page
    view = View(load(repo / "data", today).agenda, today, lambda t: t)
    said = history_html(view, found, date(2026, 7, 1))
    assert "niets veranderd" not in said and "datum onbekend" in said


def test_changes_read_as_words_one_heading_per_day_and_no_row_without_content(tmp_path):
    """Review item 7, from a real repository: a place added, its address added and a word fixed, all on one day.
    The page says what happened with the site's words and the items' names (no field names, no ids), has one
    heading for the day, counts the word fix once; the professionals' block has one row per day, each with content."""
    from lea_site.load import load
    from lea_site.render.overview import history_html
    from lea_site.render.pages import View

    repo = tmp_path / "site"
    shutil.copytree(ROOT / "data", repo / "data")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "eerste", date="2026-11-01T12:00:00+01:00")
    plan, agenda_file = repo / "data" / "jaarplannen" / "2026-2027.yml", repo / "data" / "agenda.yml"
    venue = '- {naam: Peuteropvang De Hagen (Peuterpret), adres: "Hagenweg 40, 4323 EF Lindeveen"}'
    assert venue in plan.read_text(encoding="utf-8")
    plan.write_text(plan.read_text(encoding="utf-8").replace(venue, venue + "\n              - {naam: Peuteropvang Het Anker}"), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "plaats", date="2026-12-07T10:00:00+01:00")
    plan.write_text(plan.read_text(encoding="utf-8").replace("{naam: Peuteropvang Het Anker}", '{naam: Peuteropvang Het Anker, adres: "Ankerweg 2"}'),
                    encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "adres", date="2026-12-07T11:00:00+01:00")
    text = agenda_file.read_text(encoding="utf-8")
    assert "jeugdhulp en andere partners" in text
    agenda_file.write_text(text.replace("jeugdhulp en andere partners", "jeugdhulp en de andere partners", 1), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "woord", date="2026-12-07T12:00:00+01:00")

    today = date(2026, 12, 8)
    found = changes.history(repo / "data", None, today=today)
    page = changes.page(found)
    assert page.count("## 7 december 2026") == 1 and "## 1 november 2026" in page
    assert all(f'id="{changes.change_anchor(c.commit)}"' in page or f"#{changes.change_anchor(c.commit)} " in page for c in found.changes)
    action = "actie 'Consultatiebureau verwijst actief door naar de peuteropvang' › voor ouders"
    assert f"Plaats toegevoegd aan Jaarplan 2026-2027 › {action}: 'Peuteropvang Het Anker'" in page
    assert f"Adres toegevoegd bij Jaarplan 2026-2027 › {action} › plaats 'Peuteropvang Het Anker': 'Ankerweg 2'" in page
    assert "Tekstuele verbetering in 1 onderdeel: Samenvatting" in page and "'jeugdhulp" not in page  # the fix, not its words
    assert "voor\\_ouders" not in page and "`vve-toeleiding`" not in page and "Overige wijzigingen" not in page

    view = View(load(repo / "data", today).agenda, today, lambda t: t)
    block = BeautifulSoup(history_html(view, found, date(2026, 10, 1)), "html.parser")
    rows = [li.get_text(" ", strip=True) for li in block.find_all("li")]
    assert [r.split(":")[0].strip() for r in rows] == ["7 december 2026", "1 november 2026"]  # one row per day
    assert "Adres toegevoegd" in rows[0] and "Plaats toegevoegd" in rows[0] and "Tekstuele verbetering in 1 onderdeel" in rows[0]
    assert all(len(r.split(":", 1)[1].strip()) > 20 for r in rows)  # never a row with a date alone or a section's name


def test_lea_diff_keeps_the_paths_in_the_data_for_those_who_edit_it(tmp_path):
    """The pull-request summary shares the walk but keeps its readers' terms: the field as written in the data."""
    from lea_site.diff import diff_markdown
    from lea_site.load import load

    shutil.copytree(ROOT / "data", tmp_path / "data")
    old = load(tmp_path / "data").agenda
    plan = tmp_path / "data" / "jaarplannen" / "2026-2027.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('adres: "Hagenweg 40, 4323 EF Lindeveen"', 'adres: "Hagenweg 41, 4323 EF Lindeveen"'),
                    encoding="utf-8")
    text = diff_markdown(old, load(tmp_path / "data").agenda)
    assert "voor\\_ouders › plaatsen 3 › adres" in text and "### Overige wijzigingen" in text


def test_a_yes_no_field_reads_as_what_it_means(tmp_path):
    """The page Wijzigingen said 'Circa bij financieringsbron …: nee wordt ja': the field's name, not what it says."""
    from lea_site.diff import _other_changes
    from lea_site.load import load

    shutil.copytree(ROOT / "data", tmp_path / "data")
    old = load(tmp_path / "data").agenda
    path = tmp_path / "data" / "interventies.yml"
    text = path.read_text(encoding="utf-8")
    funding = "{bron: NPO-middelen, bedrag: 25000, periode: 2026}"
    assert funding in text
    path.write_text(text.replace(funding, "{bron: NPO-middelen, bedrag: 25000, circa: true, periode: 2026}"), encoding="utf-8")
    lines = _other_changes(old, load(tmp_path / "data").agenda, readable=True).lines
    assert len(lines) == 1 and "Bedrag bij benadering bij " in lines[0] and "'NPO-middelen'" in lines[0], lines
    assert lines[0].endswith(": nee wordt ja") and "Circa" not in lines[0]
