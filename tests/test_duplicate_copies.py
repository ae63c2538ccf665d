"""Class 12 of issue 24: an editor copies an ambition file as a template and forgets to change its id.

The duplicate-id error belongs on the file added or changed last (the copy: where the change is, and
where a pull request shows it), not on the untouched original because the copy's name sorts first.
'Last' is git's word in a repository (not committed yet, else the later commit), else the file's
modification time. Real repositories are made here.
"""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

from lea_site.load import load

from .conftest import MINIMAL_AGENDA

TODAY = date(2022, 6, 1)
ZORG = "ambities:\n  - id: zorg\n    titel: Zorg\n    samenvatting: Kinderen krijgen op tijd hulp.\n"
COPY = "ambities:\n  - id: zorg\n    titel: Lezen\n    samenvatting: Kinderen lezen elke dag.\n"
PARTNERS = "partners:\n  - {id: jgz, naam: JGZ Testdorp, sector: jgz}\n  - {id: bieb, naam: Bibliotheek, sector: bibliotheek}\n"


def _git(repo: Path, *args: str, when: str = "2026-01-10T12:00:00+01:00") -> None:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "HOME": str(repo), "PATH": "/usr/bin:/bin",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def _site(tmp_path: Path, git: bool = True) -> Path:
    data = tmp_path / "site" / "data"
    (data / "ambities").mkdir(parents=True)
    (data / "agenda.yml").write_text(MINIMAL_AGENDA, encoding="utf-8")
    (data / "partners.yml").write_text(PARTNERS, encoding="utf-8")
    (data / "ambities" / "zorg.yml").write_text(ZORG, encoding="utf-8")
    if git:
        _git(data.parent, "init", "-q")
        _git(data.parent, "add", ".")
        _git(data.parent, "commit", "-q", "-m", "de agenda")
    return data


def duplicates(data: Path) -> list[str]:
    result = load(data, today=TODAY)
    found = [f"{p.file.removeprefix(str(data) + '/')}:{p.line}: {p.message.replace(str(data) + '/', '')}"
             for p in result.problems if "twee keer" in p.message]
    assert len(found) == len(result.errors), [str(p) for p in result.errors]
    return found


def test_a_copy_not_yet_committed_gets_the_message_though_its_name_sorts_first(tmp_path):
    data = _site(tmp_path)
    (data / "ambities" / "lezen.yml").write_text(COPY, encoding="utf-8")  # 'lezen' sorts before 'zorg'
    assert duplicates(data) == ["ambities/lezen.yml:2: ambitie-id 'zorg' komt twee keer voor (eerst in ambities/zorg.yml:2)"]


def test_a_copy_committed_later_gets_the_message(tmp_path):
    data = _site(tmp_path)
    (data / "ambities" / "aaa-nieuw.yml").write_text(COPY, encoding="utf-8")
    _git(data.parent, "add", ".")
    _git(data.parent, "commit", "-q", "-m", "nieuwe ambitie", when="2026-02-01T09:00:00+01:00")
    os.utime(data / "ambities" / "zorg.yml")  # a fresh checkout: the clock says nothing, git does
    assert duplicates(data) == ["ambities/aaa-nieuw.yml:2: ambitie-id 'zorg' komt twee keer voor (eerst in ambities/zorg.yml:2)"]


def test_the_original_changed_after_the_copy_was_committed_is_the_later_one(tmp_path):
    """'Changed last' is what counts: the copy committed, then the original edited (not committed yet)."""
    data = _site(tmp_path)
    (data / "ambities" / "lezen.yml").write_text(COPY, encoding="utf-8")
    _git(data.parent, "add", ".")
    _git(data.parent, "commit", "-q", "-m", "nieuwe ambitie", when="2026-02-01T09:00:00+01:00")
    (data / "ambities" / "zorg.yml").write_text(ZORG.replace("Zorg\n", "Zorg en hulp\n"), encoding="utf-8")
    assert duplicates(data) == ["ambities/zorg.yml:2: ambitie-id 'zorg' komt twee keer voor (eerst in ambities/lezen.yml:2)"]


def test_without_git_the_modification_time_decides(tmp_path):
    data = _site(tmp_path, git=False)
    copy = data / "ambities" / "lezen.yml"
    copy.write_text(COPY, encoding="utf-8")
    os.utime(data / "ambities" / "zorg.yml", (1_700_000_000, 1_700_000_000))
    os.utime(copy, (1_800_000_000, 1_800_000_000))
    assert duplicates(data) == ["ambities/lezen.yml:2: ambitie-id 'zorg' komt twee keer voor (eerst in ambities/zorg.yml:2)"]
    os.utime(data / "ambities" / "zorg.yml", (1_900_000_000, 1_900_000_000))  # now the original is the newer file
    assert duplicates(data) == ["ambities/zorg.yml:2: ambitie-id 'zorg' komt twee keer voor (eerst in ambities/lezen.yml:2)"]


def test_two_copies_each_named_against_the_original(tmp_path):
    data = _site(tmp_path)
    (data / "ambities" / "a.yml").write_text(COPY, encoding="utf-8")
    (data / "ambities" / "b.yml").write_text(COPY.replace("Lezen", "Rekenen"), encoding="utf-8")
    assert duplicates(data) == [
        "ambities/a.yml:2: ambitie-id 'zorg' komt twee keer voor (eerst in ambities/zorg.yml:2)",
        "ambities/b.yml:2: ambitie-id 'zorg' komt twee keer voor (eerst in ambities/zorg.yml:2)"]


def test_a_partner_file_copied_as_a_template(tmp_path):
    """Another section, another pattern of files: a new file whose partners repeat the committed ones."""
    data = _site(tmp_path)
    (data / "a-partners.yml").write_text(PARTNERS.replace("Bibliotheek", "Bibliotheek Testdorp"), encoding="utf-8")
    assert duplicates(data) == [
        "a-partners.yml:2: partner-id 'jgz' komt twee keer voor (eerst in partners.yml:2)",
        "a-partners.yml:3: partner-id 'bieb' komt twee keer voor (eerst in partners.yml:3)"]


def test_within_one_file_the_later_line(tmp_path):
    data = _site(tmp_path)
    (data / "ambities" / "zorg.yml").write_text(ZORG + COPY.removeprefix("ambities:\n"), encoding="utf-8")
    assert duplicates(data) == ["ambities/zorg.yml:5: ambitie-id 'zorg' komt twee keer voor (eerst in ambities/zorg.yml:2)"]


def test_a_clean_check_asks_git_nothing(tmp_path, monkeypatch):
    """Git is asked only about files with a duplicate: the check of a clean agenda runs no process."""
    data = _site(tmp_path)
    calls = []
    real = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: calls.append(a) or real(*a, **k))
    assert load(data, today=TODAY).errors == []
    assert calls == []
