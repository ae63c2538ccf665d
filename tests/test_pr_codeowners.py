"""CODEOWNERS: whatever can run code at build time is approved by the technical maintainers only.

Pages in docs/ go through Jinja (mkdocs-macros: `{{ lipsum.__globals__['os'].popen('id').read() }}`
runs a command), and the theme, code, settings, workflows and tests run too. GitHub uses
the *last* rule that matches a file, so a later, broader line would silently take over.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from .conftest import ROOT

MAINTAINERS = "@gemeente-lindeveen/beheer"
EDITORS = "@gemeente-lindeveen/redactie"
BUILD_TIME = ["docs/", "overrides/", "macros/", "mkdocs.yml", "pyproject.toml", ".github/", ".gitlab-ci.yml", ".ci/",
              "benchmarks/", "tests/"]


def _regex(pattern: str) -> re.Pattern:
    """A CODEOWNERS pattern (gitignore rules) as a regular expression over a file's path."""
    anchored = pattern.startswith("/") or "/" in pattern.strip("/")
    body, i = "", 0
    core = pattern.strip("/")
    while i < len(core):
        if core.startswith("**/", i):
            body, i = body + "(?:.*/)?", i + 3
        elif core.startswith("**", i):
            body, i = body + ".*", i + 2
        elif core[i] == "*":
            body, i = body + "[^/]*", i + 1
        elif core[i] == "?":
            body, i = body + "[^/]", i + 1
        else:
            body, i = body + re.escape(core[i]), i + 1
    tail = "/.*" if pattern.endswith("/") else "(?:/.*)?"  # a folder: everything in it
    return re.compile(("" if anchored else "(?:.*/)?") + body + tail)


def _rules(text: str) -> list[tuple[re.Pattern, list[str]]]:
    rules = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            pattern, *owners = line.split()
            rules.append((_regex(pattern), owners))
    return rules


def owners(rules: list[tuple[re.Pattern, list[str]]], path: str) -> list[str]:
    """The owners GitHub asks: those of the last rule that matches."""
    found: list[str] = []
    for regex, who in rules:
        if regex.fullmatch(path):
            found = who
    return found


RULES = _rules((ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8"))


def test_the_matcher_follows_github_rules():
    rules = _rules("*  @a\n/docs/  @b\ndocs/*.md  @c\n/x.yml  @d\nREADME  @e\n")
    assert owners(rules, "docs/assets/logo.png") == ["@b"]
    assert owners(rules, "docs/index.md") == ["@c"]          # last match wins
    assert owners(rules, "docs/sub/index.md") == ["@b"]      # * does not cross a folder
    assert owners(rules, "data/x.yml") == ["@a"]             # / anchors to the root
    assert owners(rules, "sub/README") == ["@e"]             # no slash: at any depth


def _tracked(prefix: str) -> list[str]:
    run = subprocess.run(["git", "ls-files", "-z", "--", prefix], cwd=ROOT, capture_output=True, check=True)
    return [name for name in run.stdout.decode().split("\0") if name]


@pytest.mark.parametrize("prefix", BUILD_TIME)
def test_what_runs_at_build_time_is_owned_by_the_maintainers_alone(prefix: str):
    paths = [prefix + "nieuw-bestand.md" if prefix.endswith("/") else prefix, *_tracked(prefix)]
    for path in paths:
        assert owners(RULES, path) == [MAINTAINERS], path


def test_gitattributes_anywhere_is_owned_by_the_maintainers():
    for path in (".gitattributes", "data/.gitattributes", "data/jaarplannen/.gitattributes"):
        assert owners(RULES, path) == [MAINTAINERS], path


def test_the_data_stays_with_the_editors():
    for path in _tracked("data/") or ["data/agenda.yml"]:
        if not path.endswith(".gitattributes"):
            assert EDITORS in owners(RULES, path), path
