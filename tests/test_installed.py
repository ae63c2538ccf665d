"""A municipality's own site, from the installed package alone: lea init, its data, both engines.

A clean virtual environment gets the wheel of this project (not the source tree), with pip
alone; there, outside the checkout, `lea --version` names pyproject's version, `lea init`
makes a site in an empty folder whose requirements.txt pins exactly the installed package,
`lea check` passes its skeleton, a seed agenda replaces the skeleton data, and `lea build`
builds it with MkDocs and with Zensical.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from .conftest import FIXTURE_TODAY, FIXTURES, ROOT
from .sitecompare import pages as pages_of
from .sitecompare import summary


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("installed")
    wheels = tmp / "wheels"
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    shutil.rmtree(ROOT / "build" / "lib", ignore_errors=True)  # setuptools' leftovers
    env = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
    wheel = next(wheels.glob("lea_site-*.whl"))
    run = subprocess.run([str(env / "bin" / "pip"), "install", "-q", f"{wheel}[zensical]"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    return env


def test_lea_init_site_builds_on_both_engines_from_the_installed_package(venv: Path, tmp_path: Path):
    lea = str(venv / "bin" / "lea")
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(tmp_path), "LEA_TODAY": FIXTURE_TODAY.isoformat(),
           "NO_MKDOCS_2_WARNING": "1", "LANG": "C.UTF-8"}
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    where = subprocess.run([str(venv / "bin" / "python"), "-c",
                            "import sys, lea_site; print(lea_site.__file__); print(lea_site.__version__); print(sys.path)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
    module, installed, path = where.stdout.splitlines()
    assert module.startswith(str(venv)) and str(ROOT) not in path  # the wheel, not the source tree
    assert installed == version
    run = subprocess.run([lea, "--version"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert run.returncode == 0 and run.stdout == f"lea-site {version}\n"
    run = subprocess.run([lea, "init", "mijn-lea", "--naam", "Westland"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    site = tmp_path / "mijn-lea"
    assert not list(site.rglob("*.py")), "no copy of the code"
    assert (site / ".github" / "dependabot.yml").is_file()
    pins = [line for line in (site / "requirements.txt").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert pins == [f"lea-site[zensical]=={version}"]
    # What the site's workflows run, here without an index: pip finds the pin (extra included) already installed,
    # and would have to fetch any other version.
    pip = [str(venv / "bin" / "pip"), "install", "--no-index", "-r"]
    run = subprocess.run([*pip, "requirements.txt"], capture_output=True, text=True, env=env, cwd=site)
    assert run.returncode == 0, run.stderr[-2000:]
    assert re.search(rf"Requirement already satisfied: lea-site\[zensical\]=={re.escape(version)} ", run.stdout), run.stdout
    (tmp_path / "other.txt").write_text("lea-site[zensical]==99.0.0\n", encoding="utf-8")
    assert subprocess.run([*pip, str(tmp_path / "other.txt")], capture_output=True, text=True, env=env, cwd=site).returncode != 0
    run = subprocess.run([lea, "check", "--strict"], capture_output=True, text=True, env=env, cwd=site)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 fout(en), 0 waarschuwing(en)" in run.stderr
    shutil.rmtree(site / "data")
    shutil.copytree(FIXTURES / "westland", site / "data")
    run = subprocess.run([lea, "check"], capture_output=True, text=True, env=env, cwd=site)
    assert run.returncode == 0, run.stdout + run.stderr
    for engine in ("mkdocs", "zensical"):
        run = subprocess.run([lea, "build", "--engine", engine, "-d", f"site-{engine}"], capture_output=True, text=True, env=env, cwd=site)
        assert run.returncode == 0, run.stderr[-3000:]
        out = site / f"site-{engine}"
        pages = {p.relative_to(out).as_posix() for p in out.rglob("index.html")}
        assert {"index.html", "ambities/index.html", "toegankelijkheid/index.html", "partners/index.html"} <= pages, engine
        assert len(pages) >= 20
        home = (out / "index.html").read_text(encoding="utf-8")
        assert "Westland" in home and "LEABLOK" not in home
    # Plain MkDocs, as its users expect, through the plugin `lea`: the same site as lea build.
    run = subprocess.run([str(venv / "bin" / "mkdocs"), "build", "--strict", "-d", "site-plain"], capture_output=True, text=True,
                         env=env, cwd=site)
    assert run.returncode == 0, run.stderr[-3000:]
    plain, built = site / "site-plain", site / "site-mkdocs"
    assert pages_of(plain) == pages_of(built)
    for rel in sorted(pages_of(built)):
        assert summary(plain, rel) == summary(built, rel), rel
