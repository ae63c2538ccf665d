"""The page 'Wijzigingen': what changed in the agenda, and when, from the repository's history.

For the last :data:`MAX_COMMITS` commits that touched the data folder, newest first, the
date and what changed in words, as ``lea diff`` writes it (:func:`lea_site.diff.diff_markdown`),
each version read from git the way the build reads it (:mod:`lea_site.gitdata`). The same
walk finds the status changes that came without a progress note (a status has no date in the
data; the commit that changed it has one): the feeds (:mod:`.feeds`) list them.

Bounded cost: at most ``MAX_COMMITS + 1`` versions are read, and each comparison is kept
in a cache file, keyed by the git ids of the two data folders: a build after one new commit
reads two versions, not fifty. The file is in the user's cache folder (:func:`cache_file`;
the publish workflows keep it between runs), else beside the build. Without git, outside a repository,
or without commits that touched the data, the page says that it has no history; a
shallow clone (CI's default) says that its history is incomplete.

All text from the data arrives escaped by :func:`lea_site.diff.md`; on top of that every
brace becomes an entity, so nothing can start Jinja (the page is rendered by the macros
plugin) or an attribute list, and the Markdown-only escapes GitHub needs but
Python-Markdown does not read (``\\~``, ``\\$``) become entities too.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..diff import NO_CHANGES, diff_markdown
from ..diff import _actions as diff_actions
from ..model import Action, Agenda
from ..verdicts import NOT_REPORTED, written_status
from ..gitdata import GitError, _git, export
from ..render import format as fmt
from ..usercache import keep_newest, user_cache
from ..files import write_atomic
from .lastchanged import LastChanged, digests, last_changed

MAX_COMMITS = 50
PAGE = "wijzigingen.md"


@dataclass
class Change:
    commit: str
    when: datetime  # as recorded: the committer's clock, which may be wrong
    markdown: str  # the diff's sections, headings at level 4
    plausible: bool = True  # False: after the build day, before its parent or before git existed (see dated())
    pages: dict[str, str] | None = None  # per page, a digest of the data it shows in this version (None: errors; .lastchanged)

    @property
    def day(self) -> date | None:
        """The day of the change, or None when the recorded date cannot be right."""
        return self.when.date() if self.plausible else None


@dataclass
class StatusChange:
    """An action's status changed in a commit, and no progress note of that commit gives the new status."""

    commit: str
    when: datetime
    year: str  # the school year, or 'looptijd:<goal id>' for an activity of the whole term
    action: str  # the action's id
    old: str
    new: str


@dataclass
class History:
    changes: list[Change]
    note: str | None  # why the history is missing or incomplete
    status: list[StatusChange] = field(default_factory=list)  # newest first
    complete: bool = False  # the changes reach back to the first commit of the data (not shallow, not cut off)

    def anchor(self, commit: str) -> str | None:
        """The id of a commit's section on the page Wijzigingen, when the page shows it."""
        shown = any(c.commit == commit and _shown(c) for c in self.changes)
        return change_anchor(commit) if shown else None


def change_anchor(commit: str) -> str:
    return f"wijziging-{commit[:12]}"


def _shown(change: Change) -> bool:
    """Whether the page Wijzigingen lists the change (a comment or a moved line changes nothing in the agenda)."""
    return bool(change.markdown.strip()) and change.markdown.strip() != NO_CHANGES


def _by_key(agenda: Agenda) -> dict[tuple[str, str], tuple[str, Action]]:
    """Every action by (school year, id), as ``lea diff`` pairs them, and the term's activities by their goal."""
    out = dict(diff_actions(agenda))
    out.update({(f"looptijd:{goal.id}", a.id): (goal.id, a) for goal in agenda.ambities for a in goal.activiteiten})
    return out


def status_changes(old: Agenda, new: Agenda) -> list[list[str]]:
    """[year, action id, old status, new status] for each action whose status changed, unless the same
    change added a progress note with the new status (that note is in the feed already)."""
    before = _by_key(old)
    out = []
    for key, (_, action) in _by_key(new).items():
        old_status, new_status = written_status(before[key][1]) if key in before else None, written_status(action)
        if key not in before or old_status == new_status:
            continue
        known = {(n.datum, n.tekst) for n in before[key][1].voortgang}
        if any(n.status == new_status and (n.datum, n.tekst) not in known for n in action.voortgang):
            continue
        out.append([key[0], key[1], old_status or NOT_REPORTED, new_status or NOT_REPORTED])
    return out


def _safe(markdown: str) -> str:
    return (markdown.replace("{", "&#123;").replace("}", "&#125;")
            .replace("\\~", "&#126;").replace("\\$", "&#36;"))


def _diff(old, new) -> str:
    """The change in words for councillors (lea_site.diffwords); a change of wording alone is one line, no section."""
    text = diff_markdown(old, new, title="x", readable=True)
    body = text.split("\n", 2)[2] if text.startswith("## ") else text
    lines = [line for line in body.splitlines() if line.strip()]
    if lines and lines[0] == "### Andere wijzigingen" and len(lines) == 2 and lines[1].startswith("- Tekstuele verbetering"):
        return lines[1][2:]
    return "\n".join("#" + line if line.startswith("### ") else line for line in body.splitlines()).strip()


_UNESCAPE = re.compile(r"\\(.)")


def plain(markdown: str) -> str:
    """A line of the diff's Markdown as plain text (for HTML, where it is escaped again): no emphasis, no escapes."""
    text = markdown.strip().removeprefix("- ").removeprefix("> ").replace("**", "").replace("`", "").replace("&#8203;", "")
    text = _UNESCAPE.sub(r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def summary(markdown: str) -> list[str]:
    """What a change did, as plain sentences: each line of its sections, a budget as 'Begroting schooljaar ... aangepast'."""
    out: list[str] = []
    section = ""
    for line in markdown.splitlines() + ["#### "]:
        if line.startswith("#### "):
            if section and not any(True for _ in out[start:]):  # a section whose lines say nothing plain: its name, in a sentence
                out.append(f"{section} aangepast")
            section, start = line[5:].strip(), len(out)
        elif section == "Begroting":
            if line.startswith("**Schooljaar "):
                out.append(f"Begroting {plain(line).lower()} aangepast")
        elif line.startswith(("- ", "> ")) or (line.strip() and not section and not line.startswith("|")):
            out.append(plain(line))
    return out


def _load(folder: Path):
    """One version's agenda (None when it has errors): loaded anew, not through the site's cache, which
    would keep every version of the history in memory."""
    from ..load import load
    from ..site import today

    try:
        return load(folder, today()).agenda
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # nor on disk: each version is read once


KEEP = 20  # cache files kept (one per data folder and version of the code; the least recently used go first)


def _code() -> bytes:
    """A digest of the package's Python code: the wording of a change depends on much of it (formats,
    checks, loading), so any other version of lea-site reads its own file."""
    digest = hashlib.sha256()
    for module in sorted(Path(__file__).resolve().parent.parent.rglob("*.py")):
        digest.update(module.read_bytes())
    return digest.digest()


def cache_file(data_dir: Path) -> Path | None:
    """The comparisons of one data folder in the user's cache (None: caching is off). Named by the folder and
    by the code, so another site or another version of lea-site never reads them; the :data:`KEEP` most
    recently used files stay."""
    folder = user_cache("wijzigingen")
    if folder is None:
        return None
    name = hashlib.sha256(str(data_dir.resolve()).encode("utf-8") + b"\0" + _code()).hexdigest()[:32]
    path = folder / f"{name}.json"
    try:
        if path.is_file():
            os.utime(path)  # recently used: kept longest
        keep_newest(folder, "*.json", KEEP)
    except OSError:
        pass  # a cache that cannot be tidied costs room, not the build
    return path


GIT_BEGAN = date(2005, 4, 7)  # no commit can be older than git itself


def dated(days: list[date], today: date | None) -> list[bool]:
    """Which recorded commit days can be right, for commits newest first, each the child of the next: not
    after the build day, not before git existed, not before the commit before it (its parent). The clock of
    the machine that committed decides the date, so a change 'from 2099' or 'from 1971' is shown as unknown."""
    out = [True] * len(days)
    floor = GIT_BEGAN
    for i in range(len(days) - 1, -1, -1):  # oldest first
        day = days[i]
        out[i] = floor <= day and (today is None or day <= today)
        if out[i]:
            floor = day
    return out


def history(data_dir: Path, cache_file: Path | None = None, limit: int = MAX_COMMITS, today: date | None = None) -> History:
    data_dir = data_dir.resolve()
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], data_dir).decode().strip())
        rel = data_dir.relative_to(top.resolve()).as_posix()
        log = _git(["log", "--topo-order", f"-n{limit + 1}", "--format=%H %cI", "--", rel if rel != "." else "."], top).decode().split("\n")
        shallow = _git(["rev-parse", "--is-shallow-repository"], top).decode().strip() == "true"
    except (GitError, ValueError, OSError):
        return History([], "Deze site is gebouwd zonder de geschiedenis van de agenda (geen git-repository), "
                           "dus hier staat niet wat er wanneer veranderde.")
    commits = [(c, datetime.fromisoformat(t)) for c, _, t in (line.partition(" ") for line in log if line.strip())]
    plausible = dated([when.date() for _, when in commits], today)
    if not commits:
        return History([], "Er is nog geen geschiedenis van de agenda: de gegevens zijn nog niet vastgelegd in git.")
    try:
        trees = _git(["rev-parse", *(f"{c}:{rel}" if rel != "." else f"{c}^{{tree}}" for c, _ in commits)], top).decode().split()
    except GitError:
        trees = [c for c, _ in commits]
    cache: dict[str, dict] = {}
    if cache_file is not None and cache_file.is_file():
        try:
            cache = json.loads(cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            cache = {}
    agendas: dict[str, object] = {}
    changes: list[Change] = []
    status: list[StatusChange] = []
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
            if not _whole(cache.get(key)):  # missing, damaged, or written by an older version (text only)
                cache[key] = _compare(agenda_at(i + 1) if has_before else None, agenda_at(i), has_before)
            changes.append(Change(commit, when, cache[key]["tekst"], plausible[i], cache[key]["paginas"]))
            if plausible[i]:  # a status change without a believable date is on the page Wijzigingen, not in the feeds
                status += [StatusChange(commit, when, *row) for row in cache[key]["status"]]
            agendas.pop(commit, None)  # the walk goes back in time: this version is not compared again

    if cache_file is not None:
        try:
            # Whole or not at all: builds side by side (tests, two sites of one folder) share the file.
            write_atomic(cache_file, json.dumps({k: cache[k] for k in cache if k.split("..")[1] in trees}).encode("utf-8"))
        except OSError:
            pass
    note = None
    if shallow:
        note = ("De geschiedenis is onvolledig: de site is gebouwd uit een kopie van de repository zonder alle eerdere versies. "
                "Hieronder staat alleen wat in die kopie zit.")
    elif len(commits) > limit:
        note = f"Hieronder staan de laatste {limit} wijzigingen van de gegevens."
    return History(changes, note, status, complete=not shallow and len(commits) <= limit)


def _whole(entry: object) -> bool:
    pages = entry.get("paginas", 0) if isinstance(entry, dict) else 0
    return (isinstance(entry, dict) and isinstance(entry.get("tekst"), str) and isinstance(entry.get("status"), list)
            and (pages is None or (isinstance(pages, dict) and all(isinstance(v, str) for v in pages.values())))
            and all(isinstance(row, list) and len(row) == 4 and all(isinstance(v, str) for v in row) for row in entry["status"]))


def _compare(old: Agenda | None, new: Agenda | None, has_before: bool) -> dict[str, object]:
    """One commit's change in words, and its status changes (kept in the cache by the two data trees)."""
    if new is None:
        return {"tekst": "De gegevens in deze versie bevatten fouten; de site is toen niet gebouwd.", "status": [], "paginas": None}
    pages = digests(new)
    if old is None and not has_before:
        return {"tekst": "De agenda is toegevoegd.", "status": [], "paginas": pages}
    if old is None:
        return {"tekst": "De gegevens zijn hersteld: de versie hiervoor bevatte fouten.", "status": [], "paginas": pages}
    return {"tekst": _diff(old, new), "status": status_changes(old, new), "paginas": pages}


def page(h: History) -> str:
    """The page's Markdown: our own words, the dates, and the diff's escaped text."""
    out = ["---", 'description: "Wat er in de agenda veranderde, en wanneer: per wijziging van de gegevens de datum en wat er anders werd."',
           "---", "", "# Wijzigingen", "",
           "Hier staat wat er in de agenda veranderde en wanneer, de nieuwste wijziging eerst: bijvoorbeeld een nieuwe actie, "
           "een hoger budget of een actie die stopte. Het komt uit de geschiedenis van de gegevens van deze site.", ""]
    if h.note:
        out += [h.note, ""]
    shown = [c for c in h.changes if _shown(c)]
    day = None
    for n, change in enumerate(shown):
        # One heading per day; each change keeps its own anchor, where 'Laatst gewijzigd' on a page links to (.lastchanged).
        target = f'<span id="{change_anchor(change.commit)}"></span>'
        if change.day is None:
            out += ["## Datum onbekend", "", target + f"*Vastgelegd met de datum {fmt.day(change.when.date())}, maar dat kan niet kloppen "
                    "(na de bouw van de site, vóór de versie ervoor of vóór git bestond): de klok van die computer stond verkeerd.*", ""]
            day = None
        else:
            if n == 0 or change.day != day:
                out += [f"## {fmt.day(change.day)}", ""]
            elif day is not None:
                out += ["---", ""]  # another change of the same day
            day = change.day
        text = _safe(change.markdown)
        if change.day is not None:  # the anchor on the change's first line: its first heading, else its first paragraph
            first, _, rest = text.partition("\n")
            anchor = f" {{ #{change_anchor(change.commit)} }}"  # "{ #": "{#" would open a Jinja comment
            text = (first + anchor if first.startswith("#### ") else target + ("\n\n" if first.startswith(("- ", "> ", "|")) else "") + first) + (
                "\n" + rest if rest else "")
        out += [text, ""]
    if h.changes and not shown:
        out += ["In de vastgelegde versies veranderde niets aan de inhoud van de agenda.", ""]
    return "\n".join(out)


def pages_changed(h: History, agenda: Agenda) -> dict[str, LastChanged]:
    """Per page of a goal, school year, the budget and the organisation: when its data last changed (.lastchanged)."""
    versions = [(c.commit, c.day, c.pages) for c in h.changes]
    return last_changed(digests(agenda), versions, h.complete)
