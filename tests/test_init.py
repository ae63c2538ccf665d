"""``lea init``: a new site folder holds a valid skeleton agenda, the settings a municipality
sets, the exact version of lea-site it was made with (requirements.txt, kept current by
Dependabot), and CI that installs exactly that with the same least privilege and the same
fork-safe comment as this repository; never code, never a path of this machine."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml

from lea_site import __version__
from lea_site.cli import main as lea
from lea_site.init import InitError, init_site, main_init
from lea_site.load import load
from lea_site.schema import schema_text
from lea_site.yamlsource import load_file

from .conftest import ROOT
from .test_workflows import _actionlint

TODAY = date(2026, 12, 1)
EXPECTED = {
    ".github/CODEOWNERS",
    ".github/dependabot.yml",
    ".github/pull_request_template.md",
    ".github/workflows/publish.yml",
    ".github/workflows/pull-request-comment.yml",
    ".github/workflows/pull-request.yml",
    ".gitignore",
    "CONTRIBUTING.md",
    "README.md",
    "docs/.gitkeep",  # the site's own pages go here; MkDocs wants the folder
    "data/agenda.yml",
    "data/ambities/goede-start.yml",
    "data/jaarplannen/2026-2027.yml",
    "data/organisatie.yml",
    "data/partners.yml",
    "mkdocs.yml",
    "requirements.txt",
    "schema.json",
}


def _site(tmp_path: Path, name: str | None = "Veendam", today: date = TODAY) -> Path:
    target = tmp_path / "lea-site"
    init_site(target, name=name, today=today)
    return target


def _files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


def _flow(folder: Path, name: str) -> dict:
    return yaml.safe_load((folder / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def _writes(permissions) -> set[str]:
    return {scope for scope, level in (permissions or {}).items() if level == "write"}


def test_init_writes_the_site_files_and_returns_them(tmp_path: Path):
    target = tmp_path / "lea-site"
    written = init_site(target, name="Veendam", today=TODAY)
    assert {p.relative_to(target).as_posix() for p in written} == EXPECTED
    assert set(_files(target)) == EXPECTED  # nothing else on disk, no folders left empty
    assert not any(p.suffix == ".py" for p in target.rglob("*"))
    assert [p.name for p in (target / "docs").iterdir()] == [".gitkeep"]  # the product's pages; own pages go in docs/


def test_no_path_of_this_machine_and_no_placeholder_left(tmp_path: Path):
    target = _site(tmp_path)
    for rel, text in _files(target).items():
        assert not re.search(r"(?<![\w.-])/(?:work|tmp|root|home|usr)\b", text), rel
        assert str(tmp_path) not in text and str(ROOT) not in text, rel
        assert "@@" not in text, rel
        assert "pip install -e" not in text and "macros/" not in text, rel


def test_no_personal_data(tmp_path: Path):
    for rel, text in _files(_site(tmp_path)).items():
        if rel == "schema.json":
            continue
        for address in re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text):
            assert address.endswith(".example"), (rel, address)  # a function mailbox on a reserved domain
        assert not re.search(r"\b0\d{1,3}[- ]?\d{6,8}\b|\+31", text), rel  # no phone numbers


def test_the_skeleton_agenda_passes_lea_check(tmp_path: Path):
    target = _site(tmp_path)
    result = load(target / "data", TODAY)
    assert result.problems == []  # no errors and no warnings
    agenda = result.agenda
    info = agenda.info
    assert info.titel == "Lokale Educatieve Agenda Veendam 2026-2030"
    assert info.voorbeeld is True and info.vaststelling.status == "concept"
    assert (info.periode.van, info.periode.tot) == (2026, 2030)
    assert info.regio.naam == "Veendam" and info.regio.gemeenten == ["Veendam"]
    assert (info.benaming.enkelvoud, info.benaming.meervoud) == ("ambitie", "ambities")
    assert {p.sector for p in agenda.partners} == {"gemeente", "po", "kinderopvang"}
    assert [len(a.indicatoren) for a in agenda.ambities] == [1]
    [plan] = agenda.jaarplannen
    assert plan.schooljaar == "2026-2027" and plan.vaststelling.status == "concept"
    assert len(plan.ambities) == 1 and 1 <= len(plan.ambities[0].acties) <= 2
    assert {b.soort for b in agenda.organen} == {"stuurgroep", "werkgroep"}
    # roles, never people
    parties = [m for b in agenda.organen for m in (*b.leden, *([b.voorzitter] if b.voorzitter else []))]
    assert all(p.partner or p.rol for p in parties)
    assert lea(["check", str(target / "data"), "--strict", "--today", TODAY.isoformat()]) == 0


def test_every_data_file_points_at_the_shipped_schema_and_matches_it(tmp_path: Path):
    target = _site(tmp_path)
    schema = target / "schema.json"
    assert schema.read_text(encoding="utf-8") == schema_text()
    validator = jsonschema.Draft202012Validator(json.loads(schema.read_text(encoding="utf-8")))
    files = sorted((target / "data").rglob("*.yml"))
    assert len(files) == 5
    for path in files:
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        assert (path.parent / first.split("$schema=", 1)[1].strip()).resolve() == schema.resolve(), path
        assert re.search(r"^ *#.*\b[Vv]ul\b", text, re.M), f"{path}: a Dutch hint for the editor (# Vul hier ... in)"
        assert not list(validator.iter_errors(load_file(path, str(path))[0])), path


@pytest.mark.parametrize("name", ["'s-Hertogenbosch", "Bergen (NH)", "Nuenen, Gerwen en Nederwetten", "Súdwest-Fryslân",
                                  "Gemert-Bakel & Laarbeek", "Capelle aan den IJssel"])
def test_a_name_with_punctuation_stays_exactly_that_name(tmp_path: Path, name: str):
    target = _site(tmp_path, name)
    result = load(target / "data", TODAY)
    assert result.problems == []
    assert result.agenda.info.regio.naam == name and result.agenda.info.regio.gemeenten == [name]
    assert result.agenda.partner("gemeente").naam == f"Gemeente {name}"
    assert yaml.safe_load((target / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"] == f"Lokale Educatieve Agenda {name}"
    teams = re.findall(r"@([\w-]+)/", (target / ".github" / "CODEOWNERS").read_text(encoding="utf-8"))
    assert teams and all(re.fullmatch(r"[a-z0-9-]+", team) for team in teams)


def test_default_name(tmp_path: Path):
    target = _site(tmp_path, None)
    assert load(target / "data", TODAY).agenda.info.regio.naam == "Voorbeeldgemeente"
    assert "@gemeente-voorbeeldgemeente/beheer" in (target / ".github" / "CODEOWNERS").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["", "   ", "Gemeente: Veendam", "Veendam #2", 'De "Veenkoloniën"', "Veen\nDam", "x" * 81,
                                  "{{ config }}", "<b>Veendam</b>", "-Veendam", "2026"])
def test_a_name_that_is_not_plain_text_is_refused(tmp_path: Path, name: str):
    with pytest.raises(InitError):
        init_site(tmp_path / "site", name=name, today=TODAY)
    assert not (tmp_path / "site").exists()


def test_the_agenda_starts_in_the_school_year_of_today(tmp_path: Path):
    later = date(2029, 3, 1)
    target = _site(tmp_path, today=later)
    assert (target / "data" / "jaarplannen" / "2028-2029.yml").is_file()
    result = load(target / "data", later)
    assert result.problems == []
    assert (result.agenda.info.periode.van, result.agenda.info.periode.tot) == (2028, 2032)
    assert result.agenda.jaarplannen[0].schooljaar == "2028-2029"


def test_mkdocs_yml_holds_only_what_a_municipality_sets(tmp_path: Path):
    config = yaml.safe_load((_site(tmp_path) / "mkdocs.yml").read_text(encoding="utf-8"))
    assert set(config) == {"site_name", "site_description", "plugins", "extra"}  # theme, extensions, pages: the product's
    assert config["plugins"] == ["lea"]  # plain mkdocs build / serve work too
    assert config["extra"] == {"lea": {"data": "data"}}
    assert "Veendam" in config["site_name"] and "Veendam" in config["site_description"]


def test_gitignore_and_guides(tmp_path: Path):
    target = _site(tmp_path)
    ignored = (target / ".gitignore").read_text(encoding="utf-8").split()
    assert {"site/", "build/", ".venv/"} <= set(ignored)
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert "lea serve" in readme and "lea check" in readme and "docs/" in readme and "GitHub Actions" in readme
    # the site explains itself (issue 26 item 5): the editors' tasks are in its own README, not in one it lacks
    for task in ("homepagina", "Een eigen pagina", "voortgangsnotitie", "Huisstijl", "Publiceren"):
        assert task in readme, task
    assert "README van `lea-site`" not in readme
    guide = (target / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "Wijziging voorstellen" in guide and "pyproject.toml" not in guide and ".ci/" not in guide
    owners = (target / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    last = {line.split()[0]: line.split()[1:] for line in owners.splitlines() if line.strip() and not line.startswith("#")}
    for build_time in ("/docs/", "/overrides/", "/mkdocs.yml", "/.github/"):
        assert last[build_time] == ["@gemeente-veendam/beheer"], build_time
    assert list(last)[-1] != "*"  # the maintainers' lines come last, so nothing overrides them


def _requirements(folder: Path) -> list[str]:
    lines = (folder / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


def test_requirements_pin_the_running_version_exactly(tmp_path: Path):
    from packaging.requirements import Requirement

    [line] = _requirements(_site(tmp_path))
    assert line == f"lea-site[zensical]=={__version__}"
    req = Requirement(line)  # what pip reads: one exact version, with the second engine
    assert req.name == "lea-site" and req.extras == {"zensical"} and str(req.specifier) == f"=={__version__}"
    assert list(req.specifier.filter([__version__, "0.0.1", "99.0.0"])) == [__version__]


def test_workflows_install_exactly_what_requirements_txt_pins_and_build_with_lea(tmp_path: Path):
    target = _site(tmp_path)
    installs = []
    for path in sorted((target / ".github" / "workflows").glob("*.yml")):
        for job in _flow(target, path.name)["jobs"].values():
            for step in job.get("steps", []):
                run = step.get("run", "")
                assert "lea-site" not in run and "lea_site" not in run, (path.name, run)  # the version only in requirements.txt
                installs += [(path.name, line.strip()) for line in run.splitlines() if "pip install" in line]
    # Both workflows that run lea install it from requirements.txt; the only other package is the browser driver.
    assert installs == [(name, 'python -m pip install -r requirements.txt "playwright>=1.45"') for name in ("publish.yml", "pull-request.yml")]
    for name in ("pull-request.yml", "publish.yml"):
        runs = " ".join(step.get("run", "") for job in _flow(target, name)["jobs"].values() for step in job.get("steps", []))
        assert "lea check data --format github" in runs and "lea build --strict" in runs, name
        assert "mkdocs build" not in runs and "-e ." not in runs, name
    runs = " ".join(step.get("run", "") for step in _flow(target, "pull-request.yml")["jobs"]["check"]["steps"])
    assert 'lea diff "origin/${GITHUB_BASE_REF}" HEAD > samenvatting/wijzigingen.md' in runs


def test_workflows_keep_least_privilege(tmp_path: Path):
    target = _site(tmp_path)
    expected = {
        ("pull-request.yml", "check"): set(),
        ("publish.yml", "build"): set(),
        ("publish.yml", "deploy"): {"pages", "id-token"},
        ("pull-request-comment.yml", "comment"): {"pull-requests"},
    }
    seen = set()
    for path in sorted((target / ".github" / "workflows").glob("*.yml")):
        flow = _flow(target, path.name)
        assert flow["permissions"] == {}, path.name
        for job_name, job in flow["jobs"].items():
            assert _writes(job["permissions"]) == expected[(path.name, job_name)], (path.name, job_name)
            seen.add((path.name, job_name))
            checkouts = [s for s in job.get("steps", []) if s.get("uses", "").startswith("actions/checkout@")]
            assert all(s["with"]["persist-credentials"] is False for s in checkouts)
    assert seen == set(expected)
    pages = [(f, j) for (f, j) in seen if "pages" in _writes(_flow(target, f)["jobs"][j]["permissions"])]
    assert pages == [("publish.yml", "deploy")]
    pull_request = _flow(target, "pull-request.yml")
    assert set(_on(pull_request)) == {"pull_request"}  # never pull_request_target


def _on(flow: dict) -> dict:
    return flow.get("on", flow.get(True))  # YAML 1.1 reads the key 'on' as true


def _commands(node):
    if isinstance(node, dict):
        return {k: _commands(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_commands(v) for v in node]
    if isinstance(node, str):
        node = re.sub(r"python -m pip install (-e \.|-r requirements\.txt)", "<installeren>", node)
        return re.sub(r"(mkdocs|lea) build --strict", "<bouwen>", node)
    return node


def _comparable(flow: dict) -> dict:
    """A parsed workflow without what may differ: step names, the paths that trigger it, how to install and build."""
    flow = _commands(flow)
    _on(flow).get("pull_request", {}).pop("paths", None)
    for job in flow["jobs"].values():
        for step in job.get("steps", []):
            step.pop("name", None)
    return flow


@pytest.mark.parametrize("name", ["pull-request.yml", "pull-request-comment.yml", "publish.yml"])
def test_workflows_are_this_repository_s_apart_from_installing_and_building(tmp_path: Path, name: str):
    target = _site(tmp_path)
    ours = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    theirs = _flow(target, name)
    if name == "pull-request-comment.yml":
        assert theirs == ours  # the fork-safe comment, exactly (only the comments at the top are in Dutch)
        assert _on(theirs)["workflow_run"]["workflows"] == [_flow(target, "pull-request.yml")["name"]]
    else:
        assert _comparable(theirs) == _comparable(ours)


def test_actionlint_passes_on_the_new_workflows(tmp_path: Path):
    target = _site(tmp_path)
    assert _actionlint(sorted((target / ".github" / "workflows").glob("*.yml"))) == []


def test_a_folder_that_is_not_empty_is_refused_and_left_alone(tmp_path: Path):
    target = tmp_path / "bestaand"
    target.mkdir()
    (target / "notities.txt").write_text("van iemand anders\n", encoding="utf-8")
    with pytest.raises(InitError, match=r"is niet leeg \(notities\.txt\).*niets wordt overschreven"):
        init_site(target, name="Veendam", today=TODAY)
    assert [p.name for p in target.iterdir()] == ["notities.txt"]
    assert (target / "notities.txt").read_text(encoding="utf-8") == "van iemand anders\n"
    afile = tmp_path / "een-bestand"
    afile.write_text("x", encoding="utf-8")
    with pytest.raises(InitError, match="geen map"):
        init_site(afile, today=TODAY)


def test_an_empty_folder_or_a_fresh_clone_is_fine(tmp_path: Path):
    empty = tmp_path / "leeg"
    empty.mkdir()
    assert len(init_site(empty, today=TODAY)) == len(EXPECTED)
    clone = tmp_path / "kloon"
    (clone / ".git").mkdir(parents=True)
    assert len(init_site(clone, today=TODAY)) == len(EXPECTED)
    assert (clone / ".git").is_dir()
    with pytest.raises(InitError, match="niet leeg"):  # a second run never overwrites
        init_site(clone, today=TODAY)


def test_main_init_says_what_to_do_next(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("LEA_TODAY", TODAY.isoformat())
    target = tmp_path / "mijn site"
    assert main_init(str(target), "Veendam") == 0
    out = capsys.readouterr().out
    assert "data/agenda.yml" in out and ".github/workflows/publish.yml" in out
    assert f"cd '{target}'" in out and "lea serve" in out and "vul data/ in" in out
    assert (target / "data" / "jaarplannen" / "2026-2027.yml").is_file()
    assert main_init(str(target), "Veendam") == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("lea init: de map") and "niet leeg" in captured.err
    assert main_init(str(tmp_path / "ander"), "Veen: dam") == 1
    assert "geen gewone naam" in capsys.readouterr().err


def test_new_year_in_an_initialised_site_points_at_its_schema(tmp_path: Path):
    import subprocess
    import sys

    init_site(tmp_path / "site", name="Testdorp")
    run = subprocess.run([sys.executable, "-m", "lea_site.cli", "new-year", "2027-2028", "--today", "2026-12-01"],
                         cwd=tmp_path / "site", capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    first = (tmp_path / "site" / "data" / "jaarplannen" / "2027-2028.yml").read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == "# yaml-language-server: $schema=../../schema.json"
    assert (tmp_path / "site" / "data" / "jaarplannen" / first.split("=", 1)[1]).resolve().is_file()


def test_a_dependabot_pull_request_is_checked(tmp_path: Path):
    # Dependabot changes requirements.txt (or a workflow): the pull request's check must run on it.
    paths = _on(_flow(_site(tmp_path), "pull-request.yml"))["pull_request"]["paths"]
    assert "requirements.txt" in paths and ".github/workflows/**" in paths


def test_dependabot_yml_is_valid_and_covers_lea_site_and_the_actions(tmp_path: Path):
    config = yaml.safe_load((_site(tmp_path) / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    # Dependabot's configuration schema (version 2): the keys it knows and the values it accepts.
    assert set(config) <= {"version", "updates", "registries", "enable-beta-ecosystems"}
    assert config["version"] == 2
    updates = config["updates"]
    assert isinstance(updates, list) and updates
    known = {"package-ecosystem", "directory", "directories", "schedule", "commit-message", "labels", "open-pull-requests-limit",
             "groups", "ignore", "allow", "assignees", "reviewers", "milestone", "target-branch", "versioning-strategy",
             "rebase-strategy", "pull-request-branch-name", "vendor", "insecure-external-code-execution", "registries"}
    ecosystems = {}
    for entry in updates:
        assert set(entry) <= known, set(entry) - known
        assert entry["directory"] == "/"  # requirements.txt and .github/workflows/ are found from the root
        assert entry["schedule"]["interval"] in {"daily", "weekly", "monthly", "quarterly", "semiannually", "yearly"}
        assert set(entry["schedule"]) <= {"interval", "day", "time", "timezone"}
        prefix = entry.get("commit-message", {}).get("prefix", "")
        assert isinstance(prefix, str) and len(prefix) <= 50
        ecosystems[entry["package-ecosystem"]] = entry
    assert set(ecosystems) == {"pip", "github-actions"} and len(updates) == 2  # each once


GIT = "https://github.com/voorbeeld/lea-site"


def test_from_git_pins_that_tag_of_the_repository(tmp_path: Path):
    from packaging.requirements import Requirement

    target = tmp_path / "site"
    init_site(target, name="Veendam", today=TODAY, from_git=f"{GIT}@v{__version__}")
    [line] = _requirements(target)
    assert line == f"lea-site[zensical] @ git+{GIT}@v{__version__}"
    req = Requirement(line)
    assert req.name == "lea-site" and req.extras == {"zensical"} and req.url == f"git+{GIT}@v{__version__}"
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert f"`{line}`" in readme and "pip install -r requirements.txt" in readme


@pytest.mark.parametrize("argument, message", [
    (GIT, "geen @ met een tag"),
    (f"http://github.com/voorbeeld/lea-site@v{__version__}", "begint niet met https://"),
    (f"git@github.com:voorbeeld/lea-site@v{__version__}", "begint niet met https://"),
    (f"https://ghp_geheim@github.com/voorbeeld/lea-site@v{__version__}", "geen gebruikersnaam, wachtwoord of token"),
    (f"https://github.com/voorbeeld/lea site@v{__version__}", "geen gewoon https-adres"),
    (f"https://github.com/voorbeeld/lea-site?ref=x@v{__version__}", "geen gewoon https-adres"),
    (f"https://github.com/voorbeeld/lea-site#egg=x@v{__version__}", "geen gewoon https-adres"),
    (f"https://github.com@v{__version__}", "geen gewoon https-adres"),
    (f"{GIT}@main", "geen versietag"),
    (f"{GIT}@v1.0; rm -rf", "geen versietag"),
    (f"{GIT}@", "geen versietag"),
])
def test_from_git_refuses_what_is_not_an_https_address_and_a_tag_in_dutch(tmp_path: Path, capsys, argument: str, message: str):
    target = tmp_path / "site"
    with pytest.raises(InitError, match=re.escape(message)):
        init_site(target, name="Veendam", today=TODAY, from_git=argument)
    assert not target.exists()  # nothing written
    assert lea(["init", str(target), "--vanaf-git", argument]) == 1
    err = capsys.readouterr().err
    assert err.startswith("lea init: --vanaf-git") and message in err and "Traceback" not in err
    assert not target.exists()


def test_from_git_of_another_version_says_to_remake_the_schema(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.setenv("LEA_TODAY", TODAY.isoformat())
    assert main_init(str(tmp_path / "a"), "Veendam", f"{GIT}@v{__version__}") == 0
    assert "let op" not in capsys.readouterr().err
    assert main_init(str(tmp_path / "b"), "Veendam", f"{GIT}@v99.0.0") == 0
    assert "installeert v99.0.0" in capsys.readouterr().err and "lea schema > schema.json" in (tmp_path / "b" / "README.md").read_text(encoding="utf-8")


def test_a_new_site_publishes_its_data_under_cc0_and_names_it_everywhere(tmp_path: Path):
    """Issue 28: a new site's open data has a licence without anyone choosing one: CC0 1.0, the government's norm."""
    import io

    import openpyxl

    from lea_site.exports import opendata
    from lea_site.exports.dcat import record

    agenda = load(_site(tmp_path) / "data", TODAY).agenda
    assert agenda.info.licentie == "CC0 1.0"
    files = opendata.files(agenda, today=TODAY)
    data = json.loads(files[opendata.JSON])
    assert (data["licentie"], data["licentie_url"]) == ("CC0 1.0", "http://creativecommons.org/publicdomain/zero/1.0/deed.nl")
    book = openpyxl.load_workbook(io.BytesIO(files[opendata.XLSX]))
    assert "CC0 1.0" in book.properties.description and book.custom_doc_props["Licentie"].value == "CC0 1.0"
    page = opendata.page(agenda, opendata.tables(agenda, TODAY), [])
    assert "[CC0 1\\.0](http://creativecommons.org/publicdomain/zero/1.0/deed.nl)" in page and "geen licentie" not in page
    graph = record(agenda, files, "https://lea.veendam.example/", TODAY)
    licences = {d["dct:license"]["@id"] for d in graph["@graph"] if d.get("@type") == "dcat:Distribution"}
    assert licences == {"http://creativecommons.org/publicdomain/zero/1.0/deed.nl"}
