"""Build time, peak memory, pages and site size by agenda size: ours against the plain engine.

    python benchmarks/build_benchmark.py                           # both engines; 100, 1,000, 10,000 actions; 3 runs
    python benchmarks/build_benchmark.py --engine zensical --sizes 100 1000 --runs 5
    python benchmarks/build_benchmark.py --demo --sizes --runs 3   # only the demo site (data/)

For each size a synthetic agenda is generated (benchmarks/generate.py; ``--demo``
adds this repository's data/) and built in these ways:

* **lea** (ours): ``lea build --engine mkdocs|zensical`` on a site folder whose
  mkdocs.yml only names the site and points at the data, as a municipality builds
  it: checking the data, writing build/lea/ and running the engine, all timed;
* **plugin** (ours, MkDocs only): plain ``mkdocs build`` in the same kind of site
  folder, through the plugin ``lea`` (the generate step and MkDocs in one process);
* **plain**: the very same pages pre-rendered to plain Markdown files (the macros'
  output written out once, untimed), built by ``mkdocs build --clean`` or
  ``zensical build --clean`` with the same theme (Material; Zensical's classic
  variant), the same navigation and Markdown extensions, without the macros,
  our Markdown extension (lea_site.blocks), theme overrides, plugin or data layer.

Each build runs in a fresh process started by benchmarks/_build_once.py, which
reports the wall time until it exited (interpreter start-up and imports included),
the CPU time of the processes it started (user + system) and the largest peak memory
(ru_maxrss) of them. The machine is shared: the load average is printed at the start and
after each size, and the ratios ours / plain are given for both wall and CPU time. The runs of the
variants are interleaved, so a slow moment of the machine hits them alike. Before
each build its output, build/lea/ and any engine cache are removed; the user's cache of
lea-site (typeset PDFs, the comparisons of the git history, ~/.cache/lea-site) is kept, as
between two builds on an editor's machine, and filled by one untimed build of each variant
first (a cold cache costs the first build of new data its PDFs: benchmarks/export_benchmark.py). Prints a table,
the ratios ours / plain and the growth factor per doubling of the data.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

import jinja2
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402
from lea_site.generate import PACKAGE, _merge, read_config  # noqa: E402
from lea_site.load import load  # noqa: E402
from lea_site.render.macros import MACROS  # noqa: E402
from lea_site.render.nav import build_nav  # noqa: E402
from lea_site.render.pages import View  # noqa: E402
from lea_site.render.paths import generated_pages, relative, url_of  # noqa: E402
from lea_site.site import today  # noqa: E402
from tests.sitebuild import write_config  # noqa: E402

TODAY = "2026-11-22"
ENGINES = ("mkdocs", "zensical")
# What is compared with plain, per engine: the first is the headline figure.
OURS = {"mkdocs": ("lea", "plugin"), "zensical": ("lea",)}


def lea_command() -> list[str]:
    beside = Path(sys.executable).parent / "lea"
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "lea_site.cli"]


def zensical_command() -> list[str]:
    beside = Path(sys.executable).parent / "zensical"
    return [str(beside)] if beside.exists() else [shutil.which("zensical") or "zensical"]


def site_folder(data: Path, out: Path) -> Path:
    """A LEA site as `lea init` makes one: its own mkdocs.yml names the site and its data, nothing else."""
    own = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {"site_name": own["site_name"], "site_description": own.get("site_description", ""),
              "extra": {"lea": {"data": str(data)}}}
    out.mkdir(parents=True, exist_ok=True)
    path = out / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def prerender(data: Path, out: Path, engine: str) -> Path:
    """Write every page as plain Markdown (macros evaluated) and a plain mkdocs.yml for ``engine``."""
    os.environ["LEA_TODAY"] = TODAY
    agenda = load(data, today()).agenda
    assert agenda is not None
    docs = out / "docs"
    shutil.copytree(ROOT / "docs", docs)
    checks_file = docs / "assets" / "toegankelijkheid.json"
    checks = json.loads(checks_file.read_text(encoding="utf-8")) if checks_file.exists() else {}
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    pages.update({k: v for k, v in generated_pages(agenda).items() if k not in pages})
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    for src, text in pages.items():
        # Links as the macros make them on each engine (see lea_site.__init__._link_base):
        # MkDocs resolves them against the page's URL, Zensical against the source file's folder.
        folder = os.path.dirname(src)
        base = url_of(src) if engine == "mkdocs" else (folder + "/" if folder else "")
        view = View(agenda, today(), lambda target, base=base: relative(base, url_of(target)), checks=checks)
        funcs = {name: (lambda *a, _r=spec.render, **k: _r(view, *a, **k)) for name, spec in MACROS.items()}
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(env.from_string(text).render(**funcs), encoding="utf-8")
    # the product's defaults with the demo's own settings
    config = _merge(read_config(PACKAGE / "defaults.yml"), read_config(ROOT / "mkdocs.yml"))
    config.pop("watch", None)
    config["plugins"] = [{"search": {"lang": "nl"}}]
    config["markdown_extensions"] = [e for e in config["markdown_extensions"] if not str(e).startswith("lea_site")]
    config["theme"] = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    config["extra"] = {k: v for k, v in config["extra"].items() if k != "lea"}
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config["nav"] = build_nav(agenda, set(pages))
    path = out / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def command(engine: str, who: str, config: Path) -> list[str]:
    if who == "lea":
        return [*lea_command(), "build", "-f", str(config), "--engine", engine]
    if engine == "zensical":
        return [*zensical_command(), "build", "-f", str(config), "--clean"]
    return [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "--clean"]


def run_build(cmd: list[str], folder: Path) -> dict:
    for output in ("site", "build", ".cache"):  # every build starts cold
        shutil.rmtree(folder / output, ignore_errors=True)
    env = {**os.environ, "LEA_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "_build_once.py"), "--", *cmd],
                         capture_output=True, text=True, env=env, cwd=folder)
    if run.returncode != 0:
        raise SystemExit(f"build failed: {' '.join(cmd)}\n{run.stderr[-3000:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def site_facts(site: Path) -> tuple[int, int]:
    pages = sum(1 for _ in site.rglob("*.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return pages, size


def variants(engines: list[str], data: Path, tmp: Path) -> list[tuple[str, str, Path]]:
    """(engine, who, config) for every build of one agenda."""
    out = []
    site = site_folder(data, tmp / "site")
    for engine in engines:
        out.append((engine, "lea", site))
        if engine == "mkdocs":
            out.append((engine, "plugin", write_config(data, tmp / "plugin", site_dir=str(tmp / "plugin" / "site"))))
        out.append((engine, "plain", prerender(data, tmp / f"plain-{engine}", engine)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", choices=[*ENGINES, "both"], default="both")
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 10000])
    parser.add_argument("--demo", action="store_true", help="also build this repository's data/ (the demo site)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    engines = list(ENGINES) if args.engine == "both" else [args.engine]
    versions = ", ".join(f"{p} {version(p)}" for p in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "zensical"))
    print(f"# {platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    print(f"# {versions}; {args.runs} runs")
    print(f"# load average {os.getloadavg()[0]:.1f} at the start")
    print(f"{'acties':>7} {'engine':>8} {'wie':>6} {'mediaan s':>10} {'min s':>7} {'max s':>7} {'cpu s':>7} {'piek MB':>8} {'pagina':>7} {'site MB':>8}", flush=True)
    labels = (["demo"] if args.demo else []) + args.sizes
    medians: dict[tuple[str, str], dict] = {}
    cpu: dict[tuple[str, str], dict] = {}
    for label in labels:
        with tempfile.TemporaryDirectory() as tmp:
            tmpdir = Path(tmp)
            data = ROOT / "data" if label == "demo" else generate(label, tmpdir / "data")
            builds = variants(engines, data, tmpdir)
            results: dict[tuple[str, str], list[dict]] = {(e, w): [] for e, w, _ in builds}
            for engine, who, config in builds:  # untimed: fills the user's caches (PDFs, git history) as any earlier build has
                run_build(command(engine, who, config), config.parent)
            for _ in range(args.runs):
                for engine, who, config in builds:
                    results[engine, who].append(run_build(command(engine, who, config), config.parent))
                    if _ == args.runs - 1:
                        results[engine, who][-1]["facts"] = site_facts(config.parent / "site")
            for engine, who, _config in builds:
                rs = results[engine, who]
                times = [r["seconds"] for r in rs]
                pages, size = rs[-1]["facts"]
                medians.setdefault((engine, who), {})[label] = statistics.median(times)
                cpu.setdefault((engine, who), {})[label] = statistics.median(r["cpu_seconds"] for r in rs)
                print(f"{label:>7} {engine:>8} {who:>6} {statistics.median(times):>10.2f} {min(times):>7.2f} {max(times):>7.2f} "
                      f"{cpu[engine, who][label]:>7.2f} {max(r['peak_mb'] for r in rs):>8.0f} {pages:>7} {size / 1e6:>8.1f}", flush=True)
            print(f"# load average {os.getloadavg()[0]:.1f} after {label}", flush=True)
    print()
    for engine in engines:
        for who in OURS[engine]:
            ratios = ", ".join(f"{label}: {medians[engine, who][label] / medians[engine, 'plain'][label]:.2f}" for label in labels)
            print(f"{engine} {who} / plain = {ratios}")
            ratios = ", ".join(f"{label}: {cpu[engine, who][label] / cpu[engine, 'plain'][label]:.2f}" for label in labels)
            print(f"{engine} {who} / plain (CPU-tijd) = {ratios}")
    for engine in engines:
        for who in (*OURS[engine], "plain"):
            for previous, size in zip(args.sizes, args.sizes[1:]):
                factor = medians[engine, who][size] / medians[engine, who][previous]
                doublings = math.log2(size / previous)
                print(f"{engine} {who}: {previous} -> {size} acties: tijd x{factor:.2f}, per verdubbeling x{factor ** (1 / doublings):.2f}")


if __name__ == "__main__":
    main()
