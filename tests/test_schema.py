"""The published JSON Schema: committed, current, and accepting the demo data."""

from __future__ import annotations

import json

import jsonschema

from lea_site.schema import schema_text
from lea_site.yamlsource import load_file

from .conftest import DATA, FIXTURES, ROOT

SCHEMA = ROOT / "docs" / "schema.json"


def test_committed_schema_is_current():
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), "run: lea schema > docs/schema.json"


def _json_ready(value):
    """Our loader's values as a YAML 1.2 editor sees them (floats stay numbers)."""
    if isinstance(value, dict):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    return value


def test_every_data_file_declares_and_matches_the_schema():
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    files = sorted(DATA.rglob("*.yml")) + sorted(FIXTURES.rglob("*.yml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1].strip()).resolve()
        assert target == SCHEMA, f"{path}: schema line points at {target}"
        errors = [f"{list(e.absolute_path)}: {e.message[:200]}" for e in validator.iter_errors(_json_ready(load_file(path, str(path))[0]))]
        assert not errors, f"{path}: {errors[:3]}"
