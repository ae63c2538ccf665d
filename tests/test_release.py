"""One version, in pyproject.toml, named everywhere it is shown; a changelog in the Keep a Changelog
format with a section for it; the release notes a tag gets (issue 30)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import lea_site
from lea_site.cli import main as lea

from .conftest import ROOT

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
SCRIPT = ROOT / ".github" / "scripts" / "release_notes.py"


def _notes_module():
    spec = importlib.util.spec_from_file_location("release_notes", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_version_is_pyproject_s_and_lea_prints_it(capsys):
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION)
    assert lea_site.__version__ == VERSION  # read from the installed metadata, not written down twice
    with pytest.raises(SystemExit) as stopped:
        lea(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"lea-site {VERSION}"


def test_the_version_is_written_in_one_place():
    # Only pyproject.toml holds the number: no __version__ = "0.1.0" in the code, no version in setup files.
    for path in (ROOT / "macros").rglob("*.py"):
        assert not re.search(r"""__version__\s*=\s*["']\d+\.\d+""", path.read_text(encoding="utf-8")), path
    assert not (ROOT / "setup.py").exists() and not (ROOT / "setup.cfg").exists()


def test_changelog_follows_keep_a_changelog_with_a_section_for_this_version():
    headings = re.findall(r"^## (.+)$", CHANGELOG, re.M)
    assert headings[0] == "[Unreleased]"
    releases = [re.fullmatch(r"\[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})", h) for h in headings[1:]]
    assert all(releases), headings
    versions = [tuple(map(int, m[1].split("."))) for m in releases]
    assert versions == sorted(versions, reverse=True) and len(set(versions)) == len(versions)  # newest first, once each
    dates = [m[2] for m in releases]
    assert dates == sorted(dates, reverse=True)
    assert releases[0][1] == VERSION  # a version bump without its changelog section fails here
    kinds = set(re.findall(r"^### (.+)$", CHANGELOG, re.M))
    assert kinds <= {"Toegevoegd", "Gewijzigd", "Verouderd", "Verwijderd", "Opgelost", "Beveiliging", "Migreren"}, kinds


def test_release_notes_are_this_version_s_section():
    notes = _notes_module()
    text = notes.notes(f"v{VERSION}")
    assert text.startswith("De eerste versie.") or text.startswith("###")
    assert "### Toegevoegd" in text and "## [" not in text  # not the next release's section
    assert text == notes.section(CHANGELOG, VERSION)


def test_release_notes_stop_at_the_next_section_and_refuse_a_wrong_tag_or_a_missing_section(tmp_path: Path):
    notes = _notes_module()
    changelog = ("# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2027-03-01\n\n### Gewijzigd\n\n- b\n\n"
                 "## [1.0.0] - 2027-01-01\n\n### Toegevoegd\n\n- a\n\n[1.1.0]: https://example.nl/1.1.0\n")
    assert notes.section(changelog, "1.1.0") == "### Gewijzigd\n\n- b\n"
    assert notes.section(changelog, "1.0.0") == "### Toegevoegd\n\n- a\n"
    with pytest.raises(notes.ReleaseError, match=r"geen sectie '## \[1\.2\.0\]"):
        notes.section(changelog, "1.2.0")
    with pytest.raises(notes.ReleaseError, match="is leeg"):
        notes.section("## [2.0.0] - 2027-05-01\n\n## [1.0.0] - 2027-01-01\n- a\n", "2.0.0")
    (tmp_path / "pyproject.toml").write_text('[project]\nversion = "1.1.0"\n', encoding="utf-8")
    (tmp_path / "CHANGELOG.md").write_text(changelog, encoding="utf-8")
    assert notes.notes("v1.1.0", tmp_path) == "### Gewijzigd\n\n- b\n"
    with pytest.raises(notes.ReleaseError, match="verwacht v1.1.0"):
        notes.notes("v1.0.0", tmp_path)


def test_release_notes_script_fails_in_dutch_on_a_tag_of_another_version():
    run = subprocess.run([sys.executable, str(SCRIPT), "v999.0.0"], capture_output=True, text=True)
    assert run.returncode == 1 and run.stdout == ""
    assert f"verwacht v{VERSION}" in run.stderr and "Traceback" not in run.stderr
    run = subprocess.run([sys.executable, str(SCRIPT), f"v{VERSION}"], capture_output=True, text=True)
    assert run.returncode == 0 and "### Toegevoegd" in run.stdout


def test_readme_installs_from_this_version_s_tag_and_states_the_policy():
    # The tag in the README's git install is this version's, so a version bump updates it (or fails here).
    installs = re.findall(r'pip install[^\n]*"lea-site\[zensical\] @ git\+https://[^"@\s]+@(v[^"\s]+)"', README)
    assert installs and set(installs) == {f"v{VERSION}"}
    assert "lea init" in README and f"--vanaf-git https://github.com/OWNER/REPO@v{VERSION}" in README
    policy = README.split("## Versies en bijwerken", 1)[1].split("\n## ", 1)[0]
    for words in ("patchversie", "minorversie", "majorversie", "Migreren", "requirements.txt", "dependabot.yml", "CHANGELOG.md"):
        assert words in policy, words
