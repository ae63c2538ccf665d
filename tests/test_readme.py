"""The README stays true: its commands, its macro table, statuses and sections."""

from __future__ import annotations

from pydantic import BaseModel

from lea_site import model
from lea_site.load import ALL_KEYS
from lea_site.render.macros import MACROS

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    command = ci[-1]
    assert "pytest" in command
    assert f"```bash\n{command}\n```" in README


def test_every_macro_is_documented_with_its_example():
    for name, spec in MACROS.items():
        assert f"| `{name}` | `{spec.example}` |" in README, name


def test_statuses_and_sections_are_documented():
    for status in model.STATUSES:
        assert f"`{status}`" in README
    for key in ALL_KEYS:
        assert f"`{key}`" in README, key


def test_every_model_field_has_a_description():
    missing = []
    for obj in vars(model).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel) and obj not in (model.Model, model.Agenda):
            for name, field in obj.model_fields.items():
                if not field.description:
                    missing.append(f"{obj.__name__}.{name}")
    assert not missing, missing


def test_every_lea_command_is_documented():
    # A command that the README never shows is one a municipality will not find (lea import was missing).
    import argparse

    from lea_site.cli import build_parser

    [commands] = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    missing = [name for name in commands.choices if f"lea {name}" not in README]
    assert not missing, missing
