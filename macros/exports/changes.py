"""The page 'Wijzigingen': what changed in the agenda, and when, from the repository's history.

For the last :data:`MAX_COMMITS` commits that touched the data folder, newest first, the
date and what changed in words, as ``lea diff`` writes it (:func:`lea_site.diff.diff_markdown`),
each version read from git the way the build reads it (:mod:`lea_site.gitdata`).

Bounded cost: at most ``MAX_COMMITS + 1`` versions are read, and each comparison is kept
in a cache file beside the build, keyed by the git ids of the two data folders: a build
after one new commit reads two versions, not fifty. Without git, outside a repository,
or without commits that touched the data, the page says that it has no history; a
shallow clone (CI's default) says that its history is incomplete.

All text from the data arrives escaped by :func:`lea_site.diff.md`; on top of that every
brace becomes an entity, so nothing can start Jinja (the page is rendered by the macros
plugin) or an attribute list, and the Markdown-only escapes GitHub needs but
Python-Markdown does not read (``\\~``, ``\\$``) become entities too.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..diff import NO_CHANGES, diff_markdown
from ..gitdata import GitError, _git, export
from ..render import format as fmt

MAX_COMMITS = 50
PAGE = "wijzigingen.md"


@dataclass
class Change:
    commit: str
    when: datetime
    markdown: str  # the diff's sections, headings at level 4


@dataclass
class History:
    changes: list[Change]
    note: str | None  # why the history is missing or incomplete


def _safe(markdown: str) -> str:
    return (markdown.replace("{", "&#123;").replace("}", "&#125;")
            .replace("\\~", "&#126;").replace("\\$", "&#36;"))


def _diff(old, new) -> str:
    text = diff_markdown(old, new, title="x")
    body = text.split("\n", 2)[2] if text.startswith("## ") else text
    return "\n".join("#" + line if line.startswith("### ") else line for line in body.splitlines()).strip()


def _load(folder: Path):
    from ..site import Site, load_site

    loaded = load_site(folder)
    return loaded.agenda if isinstance(loaded, Site) else None


def history(data_dir: Path, cache_file: Path | None = None, limit: int = MAX_COMMITS) -> History:
    data_dir = data_dir.resolve()
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], data_dir).decode().strip())
        rel = data_dir.relative_to(top.resolve()).as_posix()
        log = _git(["log", f"-n{limit + 1}", "--format=%H %cI", "--", rel if rel != "." else "."], top).decode().split("\n")
        shallow = _git(["rev-parse", "--is-shallow-repository"], top).decode().strip() == "true"
    except (GitError, ValueError, OSError):
        return History([], "Deze site is gebouwd zonder de geschiedenis van de agenda (geen git-repository), "
                           "dus hier staat niet wat er wanneer veranderde.")
    commits = [(c, datetime.fromisoformat(t)) for c, _, t in (line.partition(" ") for line in log if line.strip())]
    if not commits:
        return History([], "Er is nog geen geschiedenis van de agenda: de gegevens zijn nog niet vastgelegd in git.")
    try:
        trees = _git(["rev-parse", *(f"{c}:{rel}" if rel != "." else f"{c}^{{tree}}" for c, _ in commits)], top).decode().split()
    except GitError:
        trees = [c for c, _ in commits]
    cache: dict[str, str] = {}
    if cache_file is not None and cache_file.is_file():
        try:
            cache = json.loads(cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            cache = {}
    agendas: dict[str, object] = {}
    changes: list[Change] = []
    shown = commits[:limit]
    with tempfile.TemporaryDirectory(prefix="lea-wijzigingen-") as tmp:
        def agenda_at(i: int):
            commit = commits[i][0]
            if commit not in agendas:
                try:
                    agendas[commit] = _load(export(commit, data_dir, Path(tmp)))
                except GitError:
                    agendas[commit] = None
            return agendas[commit]

        for i, (commit, when) in enumerate(shown):
            has_before = i + 1 < len(commits)
            key = f"{trees[i + 1] if has_before else '-'}..{trees[i]}"
            if key not in cache:
                new = agenda_at(i)
                old = agenda_at(i + 1) if has_before else None
                if new is None:
                    text = "De gegevens in deze versie bevatten fouten; de site is toen niet gebouwd."
                elif old is None and not has_before:
                    text = "De agenda is toegevoegd."
                elif old is None:
                    text = "De gegevens zijn hersteld: de versie hiervoor bevatte fouten."
                else:
                    text = _diff(old, new)
                cache[key] = text
            changes.append(Change(commit, when, cache[key]))
    if cache_file is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            cache_file.write_text(json.dumps({k: cache[k] for k in cache if k.split("..")[1] in trees}), encoding="utf-8")
        except OSError:
            pass
    note = None
    if shallow:
        note = ("De geschiedenis is onvolledig: de site is gebouwd uit een kopie van de repository zonder alle eerdere versies. "
                "Hieronder staat alleen wat in die kopie zit.")
    elif len(commits) > limit:
        note = f"Hieronder staan de laatste {limit} wijzigingen van de gegevens."
    return History(changes, note)


def page(h: History) -> str:
    """The page's Markdown: our own words, the dates, and the diff's escaped text."""
    out = ["---", 'description: "Wat er in de agenda veranderde, en wanneer: per wijziging van de gegevens de datum en wat er anders werd."',
           "---", "", "# Wijzigingen", "",
           "Hier staat wat er in de agenda veranderde en wanneer, de nieuwste wijziging eerst: bijvoorbeeld een nieuwe actie, "
           "een hoger budget of een actie die stopte. Het komt uit de geschiedenis van de gegevens van deze site.", ""]
    if h.note:
        out += [h.note, ""]
    shown = [c for c in h.changes if c.markdown.strip() and c.markdown.strip() != NO_CHANGES]  # not a change in the agenda: a comment, a line moved
    for change in shown:
        out += [f"## {fmt.day(change.when.date())}", "", _safe(change.markdown), ""]
    if h.changes and not shown:
        out += ["In de vastgelegde versies veranderde niets aan de inhoud van de agenda.", ""]
    return "\n".join(out)


def files(data_dir: Path, cache_file: Path | None) -> dict[str, str]:
    return {PAGE: page(history(data_dir, cache_file))}
