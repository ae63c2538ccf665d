"""A missing value is said as missing, never as a claim.

An action without `planning` is not "nog niet gepland": the document just does not say when. Every
output says "planning niet vermeld" (or "niet vermeld" after the label "Planning"): both engines' sites,
the PDFs, the open data and `lea diff`. The same for a budget or a target the data does not give.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from lea_site.exports import opendata, pdf
from lea_site.load import load

from .sitebuild import lea, site_folder

TODAY = date(2022, 3, 1)

AGENDA = """\
agenda:
  titel: Testagenda
  regio: {naam: Testdorp, gemeenten: [Testdorp]}
  periode: {van: 2021, tot: 2024}
  vaststelling: {status: vastgesteld, datum: 2021, door: de gemeenteraad}
  voorbeeld: nee
partners:
  - {id: jgz, naam: JGZ Testdorp, sector: jgz}
ambities:
  - id: zorg
    titel: Zorg
    samenvatting: Kinderen krijgen op tijd hulp.
    indicatoren:
      - id: bereik
        titel: Studenten thuis bezocht
        eenheid: studenten
        doel: {waarde: 300, uiterlijk: 2021-2022, omschrijving: een verdubbeling ten opzichte van vorig jaar}
jaarplan:
  schooljaar: 2021-2022
  vaststelling: {status: concept}
  ambities:
    - ambitie: zorg
      acties:
        - id: a1
          titel: Huisbezoeken verzuim
          trekker: jgz
          status: lopend
          voortgang:
            - {datum: 14 februari 2022, tekst: Gestart.}
        - id: a2
          titel: Tussenevaluatie
          trekker: jgz
          planning: medio 2022
"""

CLAIMS = re.compile(r"nog niet gepland|niet gepland", re.I)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("agenda") / "data"
    folder.mkdir()
    (folder / "agenda.yml").write_text(AGENDA, encoding="utf-8")
    assert not load(folder, today=TODAY).errors
    return folder


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_the_site_says_planning_niet_vermeld_on_both_engines(tmp_path, data, engine):
    if engine == "zensical":
        pytest.importorskip("zensical", reason="pip install -e '.[zensical]'")
    folder = site_folder(tmp_path, data)
    run = lea("build", "--engine", engine, "-d", "out", cwd=folder, today=TODAY)
    assert run.returncode == 0, run.stderr[-3000:]
    pages = {p.relative_to(folder / "out").as_posix(): _text(p.read_text(encoding="utf-8")) for p in (folder / "out").rglob("*.html")}
    assert not {rel for rel, text in pages.items() if CLAIMS.search(text)}
    year = pages["schooljaren/2021-2022/index.html"]
    # The action without planning says so beside its title; the one with 'medio 2022' keeps those words.
    assert re.search(r"Huisbezoeken verzuim .{0,400}planning niet vermeld", year)
    assert re.search(r"Tussenevaluatie .{0,400}medio 2022", year)
    # A year of adoption is said as a year, not as 1 January.
    assert "vastgesteld in 2019" not in year and any("vastgesteld in 2021 door de gemeenteraad" in t for t in pages.values())
    assert not any("1 januari 2021" in t for t in pages.values())
    # A target in numbers and words is two sentences, the second with its capital.
    goal = pages["doelen/zorg/index.html"] if "doelen/zorg/index.html" in pages else next(t for r, t in pages.items() if "Studenten thuis bezocht" in t and "verdubbeling" in t)
    assert "300 studenten in schooljaar 2021-2022. Een verdubbeling ten opzichte van vorig jaar" in goal


def test_the_pdfs_say_niet_vermeld(tmp_path, data):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) ontbreekt")
    agenda = load(data, today=TODAY).agenda
    texts = []
    for rel, content in pdf.downloads(agenda, TODAY).items():
        path = tmp_path / Path(rel).name
        path.write_bytes(content)
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
        texts.append(re.sub(r"\s+", " ", out))
    assert texts and not any(CLAIMS.search(t) for t in texts)
    assert any(re.search(r"Planning: niet vermeld|planning niet vermeld", t) for t in texts)


def test_the_open_data_leaves_a_missing_planning_empty_and_says_why(data):
    agenda = load(data, today=TODAY).agenda
    table = opendata.activities(agenda)
    rows = {r[[c for c, _ in table.columns].index("actie_id")]: dict(zip([c for c, _ in table.columns], r)) for r in table.rows}
    assert (rows["a1"]["planning"], rows["a1"]["planning_begin"]) in (("", None), (None, None))
    described = dict(table.columns)
    assert "planning niet vermeld" in described["planning_begin"] and not CLAIMS.search(" ".join(described.values()))


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)


def test_lea_diff_says_niet_vermeld_not_a_shift_or_a_claim(tmp_path):
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    (repo / "data" / "agenda.yml").write_text(AGENDA, encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "-c", "user.email=t@example.org", "-c", "user.name=T", "add", ".")
    _git(repo, "-c", "user.email=t@example.org", "-c", "user.name=T", "commit", "-q", "-m", "agenda")
    changed = AGENDA.replace("          trekker: jgz\n          status: lopend\n", "          trekker: jgz\n          status: lopend\n          planning: Q2 2022\n")
    changed = changed.replace("          planning: medio 2022\n", "")
    changed += "        - {id: a3, titel: Nieuwe actie, trekker: jgz}\n"
    (repo / "data" / "agenda.yml").write_text(changed, encoding="utf-8")
    _git(repo, "-c", "user.email=t@example.org", "-c", "user.name=T", "commit", "-qam", "planning")
    run = subprocess.run([sys.executable, "-m", "lea_site.cli", "diff", "HEAD~1", "HEAD", "--today", TODAY.isoformat()],
                         cwd=repo, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert not CLAIMS.search(out) and "geen begroting" not in out
    assert "planning was niet vermeld, nu Q2 2022" in out
    assert "planning was medio 2022, nu niet vermeld" in out
    assert re.search(r"Nieuwe actie.*planning niet vermeld, begroting niet vermeld, status niet gemeld", out)
