"""Random and mutated YAML never makes the loader raise: it reports problems instead."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lea_site.load import load
from lea_site.problems import GENERAL

from .conftest import DATA, DEMO_TODAY

SEED_FILES = sorted(DATA.rglob("*.yml"))
TRAPS = ["no", "yes", "on", "66.650", "€ 66.650", "2021-13-45", "2021-2023", "[]", "{}", "~", "''", "- x",
         "Q5 2021", "-3", "1e9", "&a x", "*a", "!!python/object x", "'unterminated", "a: b: c", "\t", "12-4", "null"]

scalars = st.one_of(st.text(max_size=20), st.integers(), st.floats(allow_nan=False), st.booleans(), st.none(), st.sampled_from(TRAPS))
trees = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.sampled_from(
        ["agenda", "partners", "ambities", "jaarplan", "id", "titel", "acties", "begroting", "kosten", "x"]), children, max_size=4)),
    max_leaves=20,
)


def _check(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in files.items():
            path = Path(tmp, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        result = load(tmp, today=DEMO_TODAY)
        for problem in result.problems:
            # a line in a file, or a remark about the data as a whole (no pseudo-location: lea_site.problems.GENERAL)
            assert (problem.line >= 1 or problem.line == GENERAL) and problem.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text(text):
    _check({"agenda.yml": text})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees)
def test_random_trees(tree):
    import json

    _check({"agenda.yml": json.dumps(tree)})  # JSON is YAML


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_demo_files(data):
    assert SEED_FILES, "demo data missing"
    files = {str(p.relative_to(DATA)): p.read_text(encoding="utf-8") for p in SEED_FILES}
    name = data.draw(st.sampled_from(sorted(files)))
    lines = files[name].splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "trap", "swap"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "indent":
            lines[i] = "  " + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][2:]
        elif op == "trap" and ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {data.draw(st.sampled_from(TRAPS))}"
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
    files[name] = "\n".join(lines) + "\n"
    _check(files)


YAML_TOKENS = ["a", "b: ", "- ", "  ", "\n", "[", "]", "{", "}", ", ", ": ", "&x ", "*x", "&y ", "*y", "'q'", '"d"', " #c",
               "|\n", ">\n", "? ", "1", "1.5", "9" * 40, "true", "~", "!!str ", "!!int ", "!!float ", "---\n", "\t", "<<: ",
               "\r\n", "\x85", "\u2028", "２", "id: ", "titel: ", "agenda:\n", "partners:\n", "datum:2026", "- - "]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(YAML_TOKENS), max_size=60))
def test_yaml_token_soup(tokens):
    """Anchors, aliases, tags, nesting and odd line breaks in any order: problems, never an exception."""
    _check({"agenda.yml": "".join(tokens)})


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 12), st.integers(1, 12))
def test_alias_chains_are_bounded(width, depth):
    """References to references: refused at the limit, never expanded in memory."""
    lines = [f"l0: &l0 [{', '.join(['x'] * width)}]"]
    lines += [f"l{d}: &l{d} [{', '.join([f'*l{d - 1}'] * width)}]" for d in range(1, depth)]
    _check({"agenda.yml": "\n".join(lines) + "\n"})
