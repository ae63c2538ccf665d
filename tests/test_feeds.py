"""Atom feeds of the progress (lea_site.exports.feeds), read back with feedparser."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

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
