"""`lea diff` reads each version as the build reads it: .gitattributes, symbolic links,
submodules and odd file names cannot hide a change, leak a file or crash it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .test_diff import AGENDA, git, lea, repo  # noqa: F401  (repo is a fixture)

EXTRA = "partners:\n  - {id: extra, naam: Verstopte partner, sector: overig}\n"


def _branch(repo: Path, name: str) -> None:
    git(repo, "checkout", "-q", "-b", name)


def _commit(repo: Path, message: str = "voorstel") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def test_export_ignore_cannot_hide_a_file(repo: Path):
    _branch(repo, "verstopt")
    (repo / ".gitattributes").write_text("data/extra.yml export-ignore\n/data/** export-ignore\n", encoding="utf-8")
    (repo / "data" / "extra.yml").write_text(EXTRA, encoding="utf-8")
    _commit(repo)
    run = lea(repo, "diff", "main", "verstopt")
    assert run.returncode == 0, run.stderr
    assert "**Nieuwe partner**: Verstopte partner (overig)" in run.stdout
    assert "Geen wijzigingen" not in run.stdout


def test_export_subst_does_not_rewrite_the_data(repo: Path):
    (repo / ".gitattributes").write_text("data/*.yml export-subst\n", encoding="utf-8")
    (repo / "data" / "agenda.yml").write_text(AGENDA.replace("titel: Taal,", "titel: 'Taal $Format:%H$',"), encoding="utf-8")
    _commit(repo, "subst")
    git(repo, "commit", "-q", "--allow-empty", "-m", "niets")
    run = lea(repo, "diff", "HEAD~1", "HEAD")
    assert run.returncode == 0, run.stderr
    assert "Geen wijzigingen in de agenda." in run.stdout  # git archive would write two different commit ids


@pytest.mark.parametrize("target", ["/etc/passwd", "../../../../../../etc/passwd", "../../elders.yml", "../data/../../x.yml"])
def test_symlink_out_of_the_repository_is_a_clear_error(repo: Path, target: str):
    _branch(repo, "link")
    os.symlink(target, repo / "data" / "x.yml")
    _commit(repo)
    for base, head, revision in (("main", "link", "link"), ("link", "main", "link")):  # in either version
        run = lea(repo, "diff", base, head)
        assert run.returncode == 1, run.stderr
        assert "Traceback" not in run.stderr
        assert run.stderr.strip() == (f"lea diff: {revision}: data/x.yml: is een symbolische link naar {target}, "
                                      "buiten de repository; zet het bestand zelf in data/")


def test_symlink_out_through_another_link_names_the_link_that_leaves(repo: Path):
    _branch(repo, "link")
    os.symlink("b.yml", repo / "data" / "a.yml")
    os.symlink("/etc/hostname", repo / "data" / "b.yml")
    (repo / "stap").mkdir()
    os.symlink("/etc", repo / "stap" / "etc")
    os.symlink("../stap/etc/hostname", repo / "data" / "c.yml")  # a folder link on the way out
    _commit(repo)
    run = lea(repo, "diff", "main", "link")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "data/b.yml: is een symbolische link naar /etc/hostname, buiten de repository" in run.stderr
    os.remove(repo / "data" / "a.yml")
    os.remove(repo / "data" / "b.yml")
    _commit(repo, "alleen c")
    run = lea(repo, "diff", "main", "link")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "stap/etc: is een symbolische link naar /etc, buiten de repository" in run.stderr


def test_data_folder_that_is_a_link_out_is_refused(repo: Path, tmp_path: Path):
    _branch(repo, "map")
    git(repo, "rm", "-rq", "data")
    (repo / "data").mkdir(exist_ok=True)  # git rm removed it; make the link in its place
    (repo / "data").rmdir()
    os.symlink(str(tmp_path), repo / "data")
    _commit(repo)
    git(repo, "checkout", "-q", "main")
    run = lea(repo, "diff", "main", "map")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"data: is een symbolische link naar {tmp_path}, buiten de repository" in run.stderr


def test_symlinks_within_the_repository_are_read_as_the_build_reads_them(repo: Path):
    """A link to a file is read as that file; a link to a folder or to nothing is skipped (rglob does not read them)."""
    _branch(repo, "binnen")
    (repo / "gedeeld").mkdir()
    (repo / "gedeeld" / "extra.yml").write_text(EXTRA, encoding="utf-8")
    os.symlink("../gedeeld/extra.yml", repo / "data" / "extra.yml")
    os.symlink("extra.yml", repo / "data" / "via-link.txt")      # a link to a link, not YAML: not read
    os.symlink("../gedeeld", repo / "data" / "map")              # a folder: would give 'extra' twice
    os.symlink("bestaat-niet.yml", repo / "data" / "weg.yml")    # dangling
    _commit(repo)
    run = lea(repo, "diff", "main", "binnen")
    assert run.returncode == 0, run.stderr
    assert [line for line in run.stdout.splitlines() if line.startswith("- **")] == ["- **Nieuwe partner**: Verstopte partner (overig)"]
    warned = [line for line in run.stdout.splitlines() if line.startswith("- Waarschuwing")]
    assert warned and all("via-link.txt" in w or "map" in w or "weg.yml" in w for w in warned), warned  # said first, never silent


def test_a_loop_of_links_is_an_error_not_a_hang(repo: Path):
    _branch(repo, "kring")
    os.symlink("b.yml", repo / "data" / "a.yml")
    os.symlink("a.yml", repo / "data" / "b.yml")
    _commit(repo)
    run = lea(repo, "diff", "main", "kring")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "te veel symbolische links" in run.stderr


def test_a_submodule_in_data_is_skipped(repo: Path):
    _branch(repo, "sub")
    head = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{head},data/submodule")
    git(repo, "commit", "-q", "-m", "submodule")
    run = lea(repo, "diff", "main", "sub")
    assert run.returncode == 0, run.stderr
    assert "Geen wijzigingen in de agenda." in run.stdout


def test_a_file_name_with_a_newline_stays_on_one_line(repo: Path):
    _branch(repo, "naam")
    (repo / "data" / "x\n::error::pwned.yml").write_text("partners:\n  - {id: x}\n", encoding="utf-8")
    _commit(repo)
    run = lea(repo, "diff", "main", "naam")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "x\\x0a::error::pwned.yml" in run.stderr
    assert not any(line.startswith("::") for line in run.stderr.splitlines())
