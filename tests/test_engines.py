"""`lea build` on both engines: MkDocs + Material and Zensical give the same site, page by page."""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import DATA, DEMO_TODAY, FIXTURE_TODAY, FIXTURES, ROOT
from .sitebuild import lea, site_folder
from .sitecompare import broken_links, pages, summary

SITES = [("demo", DATA, DEMO_TODAY)] + [(p.name, p, FIXTURE_TODAY) for p in sorted(FIXTURES.iterdir()) if p.is_dir()]


@pytest.mark.parametrize("name,data,today", SITES, ids=[s[0] for s in SITES])
def test_both_engines_build_the_same_site(tmp_path: Path, name: str, data: Path, today):
    pytest.importorskip("zensical", reason="pip install -e '.[zensical]'")
    folder = site_folder(tmp_path, data)
    built = {}
    for engine in ("mkdocs", "zensical"):
        run = lea("build", "--engine", engine, "-d", f"site-{engine}", cwd=folder, today=today)
        assert run.returncode == 0, run.stderr[-3000:]
        built[engine] = folder / f"site-{engine}"
    a, b = built["mkdocs"], built["zensical"]
    assert pages(a) == pages(b)
    assert len(pages(a)) >= 10  # an agenda without year plans, money or interventions has fewer pages
    for rel in sorted(pages(a)):
        if rel == "404.html":
            continue
        left, right = summary(a, rel), summary(b, rel)
        assert left["leftovers"] == 0, rel
        assert left == right, rel
    for site in (a, b):
        assert not broken_links(site), broken_links(site)[:10]
    # Search finds each activity's row on both engines (lea_site.search).
    assert _search_rows(a / "search" / "search_index.json", "docs") == _search_rows(b / "search.json", "items")


def _search_rows(index: Path, key: str) -> list[str]:
    return sorted(d["location"] for d in json.loads(index.read_text(encoding="utf-8"))[key] if "#actie-" in d["location"])


def test_plain_mkdocs_build_gives_the_same_site_as_lea_build(tmp_path: Path):
    # plugins: [lea] runs the same generate step, then builds the generated config in-process.
    folder = site_folder(tmp_path, DATA)
    (folder / "docs").mkdir()  # MkDocs wants the site's own docs_dir (lea init makes it)
    run = lea("build", "-d", "site-lea", cwd=folder, today=DEMO_TODAY)
    assert run.returncode == 0, run.stderr[-3000:]
    env = {**os.environ, "LEA_TODAY": DEMO_TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site-plain"], cwd=folder, env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    a, b = folder / "site-lea", folder / "site-plain"
    assert pages(a) == pages(b) and len(pages(a)) >= 20
    for rel in sorted(pages(a)):
        assert summary(a, rel) == summary(b, rel), rel
    assert "hooks" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_plain_mkdocs_build_stops_on_bad_data_without_a_traceback(tmp_path: Path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "agenda.yml").write_text("agenda:\n  titel: x\n  kapot: [\n", encoding="utf-8")
    folder = site_folder(tmp_path, tmp_path / "data")
    (folder / "docs").mkdir()
    env = {**os.environ, "LEA_TODAY": DEMO_TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=folder, env=env, capture_output=True, text=True)
    output = run.stdout + run.stderr  # MkDocs prints why it aborted on stdout
    assert run.returncode == 1 and "agenda.yml:3:" in output and "niet gebouwd" in output, output[-2000:]
    assert "Traceback" not in output and not (folder / "site").exists()


def test_hooks_are_not_needed(tmp_path: Path):
    # The generated config has no hooks: MkDocs builds it as it is.
    folder = site_folder(tmp_path, DATA)
    run = lea("build", "--strict", cwd=folder, today=DEMO_TODAY)
    assert run.returncode == 0, run.stderr[-3000:]
    config = (folder / "build" / "lea" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks" not in config and "lea_site.blocks" in config
    assert (folder / "site" / "ambities" / "vroeg-en-voorschool" / "index.html").is_file()


def test_invalid_data_stops_before_anything_is_written(tmp_path: Path):
    folder = site_folder(tmp_path, tmp_path / "data")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "agenda.yml").write_text("agenda:\n  titel: x\n  kapot: [\n", encoding="utf-8")
    run = lea("build", cwd=folder, today=DEMO_TODAY)
    assert run.returncode == 1 and "agenda.yml:" in run.stderr and "niet gebouwd" in run.stderr
    assert not (folder / "site").exists() and not (folder / "build").exists()


def test_an_own_page_wins_over_the_product_page(tmp_path: Path):
    folder = site_folder(tmp_path, DATA)
    (folder / "docs").mkdir()
    (folder / "docs" / "over.md").write_text("# Over onze agenda\n\nGeschreven door de gemeente zelf.\n", encoding="utf-8")
    run = lea("build", cwd=folder, today=DEMO_TODAY)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Geschreven door de gemeente zelf" in (folder / "site" / "over" / "index.html").read_text(encoding="utf-8")
    assert (folder / "site" / "toegankelijkheid" / "index.html").is_file()  # the product's other pages stay


def _get(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(url, timeout=20) as response:
        return response.read().decode("utf-8")


def test_serve_picks_up_a_new_ambition_without_a_restart(tmp_path: Path):
    import shutil
    import socket
    import time

    shutil.copytree(DATA, tmp_path / "data")
    folder = site_folder(tmp_path, tmp_path / "data")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "LEA_TODAY": DEMO_TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "lea_site.cli", "serve", "-a", f"127.0.0.1:{port}"], cwd=folder, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def wait_for(condition, seconds: float = 60) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                if condition():
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError("timed out")

    try:
        wait_for(lambda: "Partners" in _get(f"http://127.0.0.1:{port}/partners/"))
        (tmp_path / "data" / "ambities" / "nieuw.yml").write_text(
            "ambitie:\n  id: zwemmen\n  nummer: 9\n  titel: Elk kind kan zwemmen\n"
            "  samenvatting: Alle kinderen halen hun zwemdiploma op de basisschool.\n", encoding="utf-8")
        wait_for(lambda: "Elk kind kan zwemmen" in _get(f"http://127.0.0.1:{port}/ambities/zwemmen/"))
        assert "Elk kind kan zwemmen" in _get(f"http://127.0.0.1:{port}/")  # in the menu too
        (tmp_path / "data" / "ambities" / "nieuw.yml").write_text("ambitie:\n  id: Kapot\n", encoding="utf-8")
        time.sleep(3)
        assert "Elk kind kan zwemmen" in _get(f"http://127.0.0.1:{port}/ambities/zwemmen/")  # the last good site stays
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "ongeldig id 'Kapot'" in output and "laatste goede versie" in output
    assert "Traceback" not in output, output[-3000:]
    # a quiet terminal: our own Dutch lines (and the data's warnings), nothing of MkDocs' or mkdocs-macros' progress
    assert "de site staat op" in output and "gegevens gelezen in" in output
    assert "INFO" not in output and "[macros]" not in output and "Serving on" not in output, output[-3000:]


@pytest.mark.parametrize("target", [".", "..", "docs", "data", "build/lea", "build/lea/site", "eigen-map", "mkdocs.yml",
                                    "data/partners.yml", "pages-repo"])
def test_the_site_folder_is_never_the_sources_or_someone_elses_folder(tmp_path: Path, target: str):
    # The site folder is replaced as a whole on every build.
    shutil_copy = __import__("shutil").copytree
    shutil_copy(DATA, tmp_path / "data")
    folder = site_folder(tmp_path, tmp_path / "data")
    (folder / "docs").mkdir()
    (folder / "eigen-map").mkdir()
    (folder / "eigen-map" / "belangrijk.txt").write_text("niet weggooien", encoding="utf-8")
    (folder / "pages-repo" / ".git").mkdir(parents=True)  # a web root that is a repository, with a site in it
    (folder / "pages-repo" / "index.html").write_text("<p>oud</p>", encoding="utf-8")
    (folder / "pages-repo" / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if "build" not in p.parts)
    run = lea("build", "-d", target, cwd=folder, today=DEMO_TODAY)
    assert run.returncode == 2 and "wordt bij elke bouw helemaal vervangen" in run.stderr, run.stderr
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if "build" not in p.parts) == before


def test_a_site_lea_build_made_is_replaced(tmp_path: Path):
    folder = site_folder(tmp_path, DATA)
    for _ in range(2):
        run = lea("build", "-d", "uit", cwd=folder, today=DEMO_TODAY)
        assert run.returncode == 0, run.stderr[-2000:]
    assert (folder / "uit" / ".lea-site").is_file() and (folder / "uit" / "index.html").is_file()
    assert not list(folder.glob("uit.lea-*"))


@pytest.mark.parametrize("setting", ["docs_dir: .", "docs_dir: ../elders", "docs_dir: /etc", "docs_dir: build/lea/docs",
                                     "theme:\n  custom_dir: ../../"])
def test_folders_named_in_mkdocs_yml_stay_inside_the_site(tmp_path: Path, setting: str):
    folder = site_folder(tmp_path / "site", DATA)
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n" + setting + "\n", encoding="utf-8")
    run = lea("build", cwd=folder, today=DEMO_TODAY)
    assert run.returncode == 1 and "moet een map binnen de site zijn" in run.stderr, run.stderr[-2000:]
    assert not (folder / "site").exists()


def test_a_page_that_links_out_of_the_site_is_refused(tmp_path: Path):
    folder = site_folder(tmp_path, DATA)
    (folder / "docs").mkdir()
    (folder / "docs" / "geheim.md").symlink_to("/etc/hostname")
    run = lea("build", cwd=folder, today=DEMO_TODAY)
    assert run.returncode == 1 and "symbolische link" in run.stderr and "buiten" in run.stderr and "niet gepubliceerd" in run.stderr, run.stderr[-2000:]


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_build_reports_the_pages_it_wrote(tmp_path: Path, engine: str):
    """'N pagina's' is the number of HTML pages in the site folder, on both engines (it once said
    46 after writing 23: it counted every generated file, CSV and feeds included)."""
    if engine == "zensical":
        pytest.importorskip("zensical", reason="pip install -e '.[zensical]'")
    folder = site_folder(tmp_path, DATA)
    run = lea("build", "--engine", engine, "-d", "uit", cwd=folder, today=DEMO_TODAY)
    assert run.returncode == 0, run.stderr[-3000:]
    reported = re.findall(r"Site gebouwd met \w+: (\d+) pagina's in ", run.stderr)
    written = pages(folder / "uit")
    assert "index.html" in written and len(written) >= 20
    assert [int(n) for n in reported] == [len(written)], run.stderr[-500:]
    if engine == "mkdocs":  # quiet unless asked: no progress lines of MkDocs or mkdocs-macros
        assert "INFO" not in run.stderr and "[macros]" not in run.stderr, run.stderr[-1500:]
