"""Atom feeds of the progress (lea_site.exports.feeds), read back with feedparser."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from lea_site.exports import feeds
from lea_site.render.paths import all_actions
from lea_site.site import load_site

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 22)


def test_every_note_up_to_today_with_a_stable_id_date_goal_and_link():
    feedparser = pytest.importorskip("feedparser")
    agenda = load_site(ROOT / "data").agenda
    files = feeds.files(agenda, TODAY, "https://lea.lindeveen.example/")
    whole = feedparser.parse(files[feeds.AGENDA_FEED])
    assert not whole.bozo and whole.feed.language == "nl"
    notes = [n for a in all_actions(agenda) for n in a.voortgang if n.datum <= TODAY]
    assert len(whole.entries) == len(notes) > 0
    assert len({e.id for e in whole.entries}) == len(whole.entries)
    assert all(e.id.startswith("tag:lea.lindeveen.example,") for e in whole.entries)
    assert all(e.link.startswith("https://lea.lindeveen.example/") and "#actie-" in e.link for e in whole.entries)
    assert [e.updated[:10] for e in whole.entries] == sorted((e.updated[:10] for e in whole.entries), reverse=True)
    assert all({t.scheme for t in e.tags} == {"doel", "actie"} for e in whole.entries)
    again = feeds.files(agenda, TODAY, "https://lea.lindeveen.example/")
    assert again == files  # stable ids, same bytes
    for goal in agenda.ambities:
        parsed = feedparser.parse(files[feeds.goal_feed(goal.id)])
        assert not parsed.bozo
        assert {e.id for e in parsed.entries} <= {e.id for e in whole.entries}
    assert sum(len(feedparser.parse(files[feeds.goal_feed(g.id)]).entries) for g in agenda.children(None)) == len(whole.entries)


def test_data_text_stays_text_in_the_feed():
    feedparser = pytest.importorskip("feedparser")
    agenda = load_site(ROOT / "data").agenda.model_copy(deep=True)
    action = agenda.jaarplannen[0].ambities[0].acties[0]
    action.titel = "</title><script>alert(1)</script>\x01&"
    action.voortgang[0].tekst = "]]><entry><id>x</id></entry>"
    action.voortgang[0].datum = date(2026, 1, 1)
    parsed = feedparser.parse(feeds.files(agenda, TODAY)[feeds.AGENDA_FEED])
    assert not parsed.bozo
    mine = [e for e in parsed.entries if e.title.startswith("</title>")]
    assert mine and "<script>alert(1)</script>&" in mine[0].title
    assert "x" not in {e.id for e in parsed.entries}


def _status_change_repo(tmp_path: Path) -> tuple[Path, str, str]:
    """A repository of the demo's data with two later commits: a status changed without a note, and one
    changed with a note that gives the new status. Returns (data folder, the first action's id, the second's)."""
    from .test_changes import _git

    repo = tmp_path / "site"
    shutil.copytree(ROOT / "data", repo / "data")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "eerste", date="2026-01-10T12:00:00+01:00")
    plan = repo / "data" / "jaarplannen" / "2026-2027.yml"
    raw = yaml.safe_load(plan.read_text(encoding="utf-8"))
    actions = [a for amb in raw["jaarplan"]["ambities"] for a in amb.get("acties") or [] if a.get("status") == "gepland"]
    assert len(actions) >= 2, "the demo's current year has actions still planned"
    actions[0]["status"] = "gestopt"
    plan.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "gestopt, zonder notitie", date="2026-03-05T09:30:00+01:00")
    actions[1]["status"] = "lopend"
    actions[1].setdefault("voortgang", []).append({"datum": "2026-10-01", "tekst": "Begonnen.", "status": "lopend"})
    plan.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "lopend, met notitie", date="2026-10-02T09:30:00+02:00")
    return repo / "data", actions[0]["id"], actions[1]["id"]


def test_a_status_changed_without_a_note_is_an_entry_dated_by_its_commit(tmp_path):
    feedparser = pytest.importorskip("feedparser")
    from lea_site.exports import changes

    data, stopped, started = _status_change_repo(tmp_path)
    agenda = load_site(data).agenda
    history = changes.history(data, tmp_path / "cache.json")
    assert [(c.action, c.old, c.new) for c in history.status] == [(stopped, "gepland", "gestopt")]  # the noted one is not
    files = feeds.files(agenda, TODAY, "https://lea.lindeveen.example/", status=history.status)
    parsed = feedparser.parse(files[feeds.AGENDA_FEED])
    assert not parsed.bozo
    mine = [e for e in parsed.entries if "/status/" in e.id]
    assert len(mine) == 1
    entry = mine[0]
    assert entry.updated == "2026-03-05T08:30:00Z"  # the commit's moment, in UTC
    assert entry.title.endswith(": status gestopt") and "van gepland in gestopt" in entry.summary
    assert {t.term for t in entry.tags} >= {stopped} and entry.link.endswith(f"-{stopped}")
    assert len([e for e in parsed.entries if e.title.endswith(": status lopend") and "Begonnen." in e.summary]) == 1
    # The same id in the next build, from the cache too; without history no such entry and nothing else lost.
    cached = changes.history(data, tmp_path / "cache.json")
    assert feeds.files(agenda, TODAY, "https://lea.lindeveen.example/", status=cached.status) == files
    shutil.rmtree(data.parent / ".git")
    bare = changes.history(data, None)
    assert bare.status == [] and bare.note
    without = feedparser.parse(feeds.files(agenda, TODAY, "https://lea.lindeveen.example/", status=bare.status)[feeds.AGENDA_FEED])
    assert len(without.entries) == len(parsed.entries) - 1 and not [e for e in without.entries if "/status/" in e.id]
